package osbox.policy.support;

import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingContext;
import osbox.policy.support.options.Options;

/**
 * The elevator family of I/O schedulers, by two choices: whether the head
 * sweeps both ways or one way and jumps back (circular), and whether it
 * travels to the disk's edge before turning or turns at the last request
 * (LOOK). SCAN: both ways, to the edge; C-SCAN: one way, to the last sector
 * and back to sector 0; LOOK and C-LOOK: the same, turning at the last
 * request. Moving up it serves the lowest request at or above the head;
 * moving down the highest at or below it. Each decision is O(log n).
 *
 * <p>No request waits more than two sweeps as long as the requests
 * arriving ahead of the head are finite (a disk has finitely many
 * sectors), which is the family's bound.
 */
public final class SweepPolicy extends IoQueuePolicy<SectorQueue> {
    private final boolean circular;
    private final boolean toEdge;
    private boolean up;
    private long lastSector;
    private long[] waypoints = new long[0];

    /**
     * An elevator: {@code circular} for C-SCAN and C-LOOK, {@code toEdge}
     * for SCAN and C-SCAN; {@code startUp} whether the first sweep moves
     * towards higher sectors (a circular one always does).
     */
    public SweepPolicy(boolean circular, boolean toEdge, boolean startUp) {
        super(new SectorQueue());
        this.circular = circular;
        this.toEdge = toEdge;
        this.up = circular || startUp;
    }

    /** Learns the disk's last sector. */
    @Override
    protected void attached(IoSchedulingContext context) {
        lastSector = context.capacity() - 1;
    }

    /** The next request in the sweep's direction from head, turning (or jumping back) when none is left ahead. */
    @Override
    protected BlockRequest choose(long head, long now) {
        waypoints = new long[0];
        BlockRequest next = ahead(head);
        return next != null ? next : circular ? wrap() : turn();
    }

    /** The edges passed on the way to the last dispatched request. */
    @Override
    public long[] lastWaypoints() {
        return waypoints.clone();
    }

    /**
     * Whether the option {@code name} (a provider's direction option) says
     * {@code up}; throws the IllegalArgumentException naming it for anything
     * but up or down.
     */
    public static boolean startsUp(Options options, String name) {
        String d = options.text(name);
        if (!d.equals("up") && !d.equals("down")) {
            throw options.error("option '" + name + "' must be up or down, got '" + d + "'");
        }
        return d.equals("up");
    }

    /** Whether the sweep now moves towards higher sectors. */
    public boolean movingUp() {
        return up;
    }

    /** The nearest request in the current direction, at the head included, or null. */
    private BlockRequest ahead(long head) {
        return up ? queue.atOrAbove(head) : queue.atOrBelow(head);
    }

    /** Both-way sweep with nothing ahead: reverse (via the edge for SCAN) and take the nearest behind. */
    private BlockRequest turn() {
        if (toEdge) {
            waypoints = new long[] {up ? lastSector : 0};
        }
        up = !up;
        return up ? queue.lowest() : queue.highest();
    }

    /** One-way sweep with nothing ahead: back to the lowest request (via the last sector and 0 for C-SCAN). */
    private BlockRequest wrap() {
        if (toEdge) {
            waypoints = new long[] {lastSector, 0};
        }
        return queue.lowest();
    }
}
