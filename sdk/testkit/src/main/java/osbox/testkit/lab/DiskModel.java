package osbox.testkit.lab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingPolicy;
import osbox.testkit.io.FakeIoContext;
import osbox.testkit.io.FakeRequest;

/**
 * The disk of OSTEP's {@code disk.py} (Arpaci-Dusseau, "Operating Systems:
 * Three Easy Pieces", chapter 37), as its time steps run it, so the lab's
 * answers are its {@code -c} answers: three tracks of 12 sectors (blocks 0
 * to 11 outermost, 24 to 35 innermost), 30 degrees per sector, block 0 of
 * each track at 180 degrees (the head starts at angle 0 over the outer
 * track, in the middle of block 6). Every time unit the platter turns by
 * the rotation speed (degrees; back to exactly 0 on reaching 360) and a
 * seeking arm moves by the seek speed (tracks are 40 units apart; the arm
 * keeps any overshoot). A request seeks to its track, waits until the head
 * is within one rotation step of its sector's start, then transfers until
 * it is within one step of its end; the next block on the same track
 * transfers at once. The queue is all the requests (no window).
 *
 * <p>Policies: FIFO (in order), SATF (the smallest estimated seek +
 * rotation + transfer; the first in the list on a tie) and SSTF (the
 * nearest track, then SATF among those). An osbox I/O scheduler
 * ({@link #run(String, IoSchedulingPolicy, int[], double, double)}) sees the
 * 36 blocks as sectors 0 to 35 and the head on the last block served (block
 * 6 at the start); the arm seeks through the tracks of its waypoints (SCAN's
 * and C-SCAN's edges) before the request's own.
 */
final class DiskModel {
    /** Sectors per track. */
    static final int SECTORS_PER_TRACK = 12;
    /** Tracks. */
    static final int TRACKS = 3;
    /** The highest block. */
    static final int MAX_BLOCK = SECTORS_PER_TRACK * TRACKS - 1;
    /** The block under the head at the start (its middle). */
    static final int START_BLOCK = 6;
    /** Distance between tracks, in the arm's units. */
    static final double TRACK_WIDTH = 40;
    /** Most time units a run may take before the lab gives up. */
    static final long MAX_TIME = 50_000_000;

    /** Degrees per sector, and half of it (a sector's start and end around its centre). */
    private static final int SECTOR_ANGLE = 360 / SECTORS_PER_TRACK;
    private static final int HALF_SECTOR = SECTOR_ANGLE / 2;
    /** The arm's position (its left edge) over each track: 250 - radius - 20, radii 140, 100, 60. */
    private static final double[] TRACK_POSITION = {250.0 - 140 - 20.0, 250.0 - 100 - 20.0, 250.0 - 60 - 20.0};

    /** One request's times, in the order served. */
    record Served(int block, long seek, long rotate, long transfer, long total) {
    }

    /** The head's track position (0.0 outer to 2.0 inner) at a time. */
    record HeadPoint(long time, double track) {
    }

    /** A run: the requests as served, the totals, and the head's path. */
    record Run(String policy, List<Served> served, long seek, long rotate, long transfer, long total,
            List<HeadPoint> path) {
    }

    /** The policies by name (upper case): each picks the index of the next request among those not done. */
    static final Map<String, BiFunction<DiskModel, int[], Integer>> POLICIES = new TreeMap<>(Map.of(
            "FIFO", (m, blocks) -> m.served,
            "SATF", (m, blocks) -> m.fastest(m.notDone()),
            "SSTF", (m, blocks) -> m.fastest(m.nearestTracks())));

    private final int[] blocks;
    private final boolean[] done;
    private final double seekSpeed;
    private final double rotateSpeed;
    private final BiFunction<DiskModel, int[], Integer> policy;
    /** The tracks the arm still seeks to, after armTarget, before the current request's rotation. */
    private final ArrayDeque<Integer> pendingTracks = new ArrayDeque<>();

    private long timer;
    private double angle;
    private int armTrack;
    private double armPosition = TRACK_POSITION[0];
    private double armStep;
    private int armTarget;
    private int served;
    private int current = -1;
    private Phase phase = Phase.IDLE;
    private long seekBegin;
    private long rotateBegin;
    private long transferBegin;
    private final List<Served> log = new ArrayList<>();
    private final List<HeadPoint> path = new ArrayList<>();

    /** What the disk is doing for the current request. */
    private enum Phase { IDLE, SEEK, ROTATE, TRANSFER }

    private DiskModel(int[] blocks, double seekSpeed, double rotateSpeed,
            BiFunction<DiskModel, int[], Integer> policy) {
        this.blocks = blocks;
        this.done = new boolean[blocks.length];
        this.seekSpeed = seekSpeed;
        this.rotateSpeed = rotateSpeed;
        this.policy = policy;
    }

    /**
     * Serves {@code blocks} (each 0 to {@link #MAX_BLOCK}) under
     * {@code policyName} (a key of {@link #POLICIES}) at the given speeds (the
     * caller checked them: {@link DiskArgs}); throws IllegalArgumentException
     * when the run would pass {@link #MAX_TIME}.
     */
    static Run run(String policyName, int[] blocks, double seekSpeed, double rotateSpeed) {
        return run(new DiskModel(blocks, seekSpeed, rotateSpeed, POLICIES.get(policyName)), policyName);
    }

    /**
     * Serves {@code blocks} as {@link #run(String, int[], double, double)}
     * does, in the order the osbox I/O scheduler {@code policy} (fresh, not
     * attached) dispatches them: request i is a one-sector read of block
     * {@code blocks[i]} with id i, all queued at time 0; {@code now} is the
     * lab's time unit. Throws IllegalStateException when the policy breaks
     * the SPI's rules (returns null or a request it was not given or gave
     * already, or a waypoint off the disk).
     */
    static Run run(String label, IoSchedulingPolicy policy, int[] blocks, double seekSpeed, double rotateSpeed) {
        List<BlockRequest> queued = new ArrayList<>();
        for (int i = 0; i < blocks.length; i++) {
            queued.add(FakeRequest.read(i, blocks[i]));
        }
        policy.attach(new FakeIoContext(0, MAX_BLOCK + 1), queued);
        long[] head = {START_BLOCK};
        BiFunction<DiskModel, int[], Integer> pick = (m, b) -> {
            BlockRequest r = policy.dispatch(head[0], m.timer);
            int i = r == null ? -1 : (int) r.id();
            if (r == null || i < 0 || i >= b.length || m.done[i] || r.sector() != b[i]) {
                throw new IllegalStateException("dispatch returned " + (r == null ? "null" : "request " + r.id())
                        + " with " + (b.length - m.served) + " requests queued, not one of them");
            }
            for (long edge : policy.lastWaypoints()) {
                if (edge < 0 || edge > MAX_BLOCK) {
                    throw new IllegalStateException("waypoint " + edge + " is off the disk (0 to " + MAX_BLOCK + ")");
                }
                m.pendingTracks.add(trackOf((int) edge));
            }
            head[0] = b[i];
            return i;
        };
        return run(new DiskModel(blocks, seekSpeed, rotateSpeed, pick), label);
    }

    /** Runs m to the end; its results under the name label. */
    private static Run run(DiskModel m, String policyName) {
        int[] blocks = m.blocks;
        m.path.add(new HeadPoint(0, 0));
        m.next();
        while (m.served < blocks.length) {
            if (m.timer >= MAX_TIME) {
                throw new IllegalArgumentException("the run takes more than " + MAX_TIME
                        + " time units; raise --seek-speed or --rotation-speed");
            }
            m.tick();
        }
        m.path.add(new HeadPoint(m.timer, m.trackPosition()));
        long seek = 0;
        long rotate = 0;
        long transfer = 0;
        for (Served s : m.log) {
            seek += s.seek();
            rotate += s.rotate();
            transfer += s.transfer();
        }
        return new Run(policyName, List.copyOf(m.log), seek, rotate, transfer, m.timer, List.copyOf(m.path));
    }

    /** The track of a block. */
    static int trackOf(int block) {
        return block / SECTORS_PER_TRACK;
    }

    /** The angle of a block's centre: 30 degrees per sector from 180. */
    static int angleOf(int block) {
        return (block % SECTORS_PER_TRACK * SECTOR_ANGLE + 180) % 360;
    }

    /** One time unit: the platter turns, then the seek, rotation and transfer advance in that order. */
    private void tick() {
        timer++;
        angle = angle + rotateSpeed;
        if (angle >= 360.0) {
            angle = 0.0;
        }
        int block = blocks[current];
        if (phase == Phase.SEEK) {
            armPosition += armStep;
            if ((armStep > 0 && armPosition >= TRACK_POSITION[armTarget])
                    || (armStep < 0 && armPosition <= TRACK_POSITION[armTarget])) {
                armTrack = armTarget;
                path.add(new HeadPoint(timer, trackPosition()));
                if (!seekOn()) {
                    rotateBegin = timer;
                    phase = Phase.ROTATE;
                }
            }
        }
        if (phase == Phase.ROTATE && near(Math.floorMod(angleOf(block) - HALF_SECTOR, 360))) {
            transferBegin = timer;
            phase = Phase.TRANSFER;
        }
        if (phase == Phase.TRANSFER && near(Math.floorMod(angleOf(block) + HALF_SECTOR, 360))) {
            log.add(new Served(block, rotateBegin - seekBegin, transferBegin - rotateBegin, timer - transferBegin,
                    timer - seekBegin));
            done[current] = true;
            served++;
            next();
            int following = blocks[current];
            if (pendingTracks.isEmpty() && trackOf(block) == trackOf(following) && (block + 1 == following
                    || (block % SECTORS_PER_TRACK == SECTORS_PER_TRACK - 1 && following % SECTORS_PER_TRACK == 0))) {
                seekBegin = timer;
                rotateBegin = timer;
                transferBegin = timer;
                phase = Phase.TRANSFER;
            }
        }
    }

    /** Whether the platter's angle is within one rotation step of {@code target} degrees. */
    private boolean near(double target) {
        return Math.abs(angle - target) < rotateSpeed;
    }

    /** Picks the next request (if any is left) and starts its seek, or its rotation when on the track already. */
    private void next() {
        if (served == blocks.length) {
            return;
        }
        current = policy.apply(this, blocks);
        pendingTracks.add(trackOf(blocks[current]));
        seekBegin = timer;
        if (!seekOn()) {
            rotateBegin = timer;
            phase = Phase.ROTATE;
            return;
        }
        path.add(new HeadPoint(timer, trackPosition()));
    }

    /**
     * Starts the seek to the next pending track other than the arm's (the
     * request's own track comes last); false, with none pending, when the
     * arm is over the request's track.
     */
    private boolean seekOn() {
        while (!pendingTracks.isEmpty()) {
            int track = pendingTracks.poll();
            if (track != armTrack) {
                phase = Phase.SEEK;
                armTarget = track;
                armStep = track > armTrack ? seekSpeed : -seekSpeed;
                return true;
            }
        }
        return false;
    }

    /** The arm's position in tracks (0.0 over the outer track). */
    private double trackPosition() {
        return (armPosition - TRACK_POSITION[0]) / TRACK_WIDTH;
    }

    /** The indexes of the requests not served yet, in list order. */
    private List<Integer> notDone() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < blocks.length; i++) {
            if (!done[i]) {
                out.add(i);
            }
        }
        return out;
    }

    /** The requests not served yet on the tracks nearest the arm, in list order. */
    private List<Integer> nearestTracks() {
        int best = Integer.MAX_VALUE;
        List<Integer> out = new ArrayList<>();
        for (int i : notDone()) {
            int distance = Math.abs(armTrack - trackOf(blocks[i]));
            if (distance < best) {
                best = distance;
                out.clear();
            }
            if (distance == best) {
                out.add(i);
            }
        }
        return out;
    }

    /** Among {@code candidates}, the one with the smallest estimated positioning and transfer time (first on a tie). */
    private int fastest(List<Integer> candidates) {
        int best = -1;
        double bestTime = -1;
        for (int i : candidates) {
            int block = blocks[i];
            double seek = (TRACK_WIDTH / seekSpeed) * Math.abs(armTrack - trackOf(block));
            double arrival = angle + seek * rotateSpeed;
            while (arrival > 360.0) {
                arrival -= 360.0;
            }
            double rotation = (angleOf(block) - HALF_SECTOR) - arrival;
            while (rotation > 360.0) {
                rotation -= 360.0;
            }
            while (rotation < 0.0) {
                rotation += 360.0;
            }
            double estimate = seek + rotation / rotateSpeed + (HALF_SECTOR * 2.0) / rotateSpeed;
            if (best < 0 || estimate < bestTime) {
                best = i;
                bestTime = estimate;
            }
        }
        return best;
    }

    /** A speed for messages: 1, 0.5, 2.5. */
    static String speed(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
