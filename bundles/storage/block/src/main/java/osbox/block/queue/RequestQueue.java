package osbox.block.queue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.BlockDevice;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoOperation;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.block.DeviceDriver;
import osbox.block.Request;
import osbox.block.RequestEvents;
import osbox.block.stats.DeviceStatistics;

/**
 * One device's request queue (Linux's request_queue): the mechanism
 * between the clients' {@link BlockIo}s and the device's driver.
 *
 * <ul>
 * <li><b>Merging</b>: an I/O that continues (back merge) or precedes
 * (front merge) a queued request of the same operation becomes one request
 * with it, up to {@link BlockDevice#MAX_SECTORS}; the policy sees the old
 * requests removed and the merged one added.</li>
 * <li><b>Plugging</b>: a plugged thread's I/Os wait in its plug, merging
 * among themselves, until it unplugs or {@link #PLUG_LIMIT} are held.</li>
 * <li><b>Barriers</b>: a FLUSH or a PREFLUSH I/O is a fence. It reaches the
 * policy only when the policy holds nothing else (so everything before it
 * is dispatched first), and everything after it waits behind it, out of
 * the policy's sight, until the fence has been dispatched. FUA passes down
 * in the request's flags.</li>
 * <li><b>Dispatch</b>: when the driver is idle, the policy chooses among
 * the requests it holds, given the head position (where the last request
 * ended, after the policy's waypoints); on completion each carried I/O is
 * completed exactly once and the next is dispatched.</li>
 * <li><b>Distrust</b>: a policy that throws, returns null while holding
 * requests, returns a request it does not hold, or lets one wait past the
 * watchdog's bound is ejected through the {@link IoSchedulerSlot}.</li>
 * </ul>
 *
 * The queue, not the policy, owns the requests: it keeps those the policy
 * holds in arrival order, and a new policy is attached with them
 * ({@link #install}), so a swap loses and duplicates nothing. Simulation
 * thread only.
 */
public final class RequestQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RequestQueue.class);
    /** The most I/Os a plug holds before it lets them go on its own. */
    public static final int PLUG_LIMIT = 16;
    /** Arrival order: by arrival cycle, then id (merged requests keep the earlier arrival). */
    private static final Comparator<Request> ARRIVAL =
            Comparator.comparingLong(Request::arrival).thenComparingLong(Request::id);
    private static final long[] NO_WAYPOINTS = new long[0];
    /** The counters' names, in the order {@link #counters} gives them. */
    private static final String[] COUNTER_NAMES = {"queued", "in_flight", "reads", "writes", "flushes",
        "sectors_read", "sectors_written", "merges", "dispatches", "errors", "head_travel", "head"};

    private final int device;
    private final String name;
    private final long capacity;
    private final boolean readOnly;
    private final DeviceDriver driver;
    private final IoSchedulerSlot slot;
    private final LongSupplier clock;
    private final long clockHz;
    private final Tracer tracer;
    private final List<RequestEvents> listeners;
    /** This device's statistics (IOPS, throughput, depth, seeks, latency percentiles), told first of every event. */
    private final DeviceStatistics stats;
    private final ProcessAccounting accounting;
    private final IoSchedulingContext context;
    private final DeviceDriver.Done done = this::completed;
    /** What each guarded policy call is called in an ejection's reason ("vda: add"), made once. */
    private final String addCall;
    private final String removeCall;
    private final String dispatchCall;
    private final String waypointsCall;

    private IoSchedulingPolicy policy;
    private long nextId = 1;
    private long watchdogCycles;
    /** The requests the policy holds, by id (looked up, never iterated). */
    private final HashMap<Long, Request> held = new HashMap<>();
    /** The same requests in arrival order: what a new policy is seeded with, the oldest for the watchdog. */
    private final TreeSet<Request> arrival = new TreeSet<>(ARRIVAL);
    /** Held reads and writes by their end sector (back merges) and first sector (front merges); lookups only. */
    private final Map<Long, Request> readsByEnd = new HashMap<>();
    private final Map<Long, Request> readsByStart = new HashMap<>();
    private final Map<Long, Request> writesByEnd = new HashMap<>();
    private final Map<Long, Request> writesByStart = new HashMap<>();
    /** A fence given to the policy and not yet dispatched (the policy holds only it), or null. */
    private Request fenceInPolicy;
    /** Requests behind a fence, in submission order, not yet given to the policy. */
    private final ArrayDeque<Request> fenced = new ArrayDeque<>();
    /** Each plugged thread's held requests (looked up by tid; a plug is released in its own order). */
    private final Map<Integer, ArrayList<Request>> plugs = new HashMap<>();
    /**
     * The requests the driver has started and not yet reported done, in
     * dispatch order: one on the device, and with interrupt coalescing the
     * ones it finished whose completion waits for the coalesced interrupt
     * (the driver is idle again meanwhile, so the next one may start).
     */
    private final ArrayDeque<Request> inFlight = new ArrayDeque<>();
    private long head;
    /** The waypoints the policy gave with its last choice (consumed at the dispatch). */
    private long[] waypoints = NO_WAYPOINTS;
    /** I/Os held in plugs now. */
    private int plugged;
    /** Set while a dispatch is under way: a nested kick (an ejection's hand-over) does nothing. */
    private boolean dispatching;
    private final long[] counts = new long[COUNTER_NAMES.length];

    /**
     * A queue for device number {@code device} named {@code name} of
     * {@code capacity} sectors, driven by {@code driver}; it joins
     * {@code slot}, which gives it its policy. {@code tracer} may be null.
     */
    public RequestQueue(int device, String name, long capacity, boolean readOnly, DeviceDriver driver,
            IoSchedulerSlot slot, LongSupplier clock, long clockHz, Tracer tracer, List<RequestEvents> listeners,
            ProcessAccounting accounting) {
        this.device = device;
        this.name = name;
        this.capacity = capacity;
        this.readOnly = readOnly;
        this.driver = driver;
        this.slot = slot;
        this.clock = clock;
        this.clockHz = clockHz;
        this.tracer = tracer;
        driver.onIdle(this::kick);
        this.listeners = listeners;
        this.stats = new DeviceStatistics(name, clockHz);
        this.accounting = accounting;
        this.addCall = name + ": add";
        this.removeCall = name + ": remove";
        this.dispatchCall = name + ": dispatch";
        this.waypointsCall = name + ": lastWaypoints";
        this.context = new IoSchedulingContext() {
            @Override
            public int device() {
                return device;
            }

            @Override
            public long capacity() {
                return capacity;
            }
        };
        slot.join(this);
    }

    public int device() {
        return device;
    }

    public String name() {
        return name;
    }

    public long capacity() {
        return capacity;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The driver (its counters, its mode). */
    public DeviceDriver driver() {
        return driver;
    }

    /** A request waiting longer than {@code cycles} in the policy ejects it; 0 turns the watchdog off. */
    public void watchdog(long cycles) {
        this.watchdogCycles = Math.max(0, cycles);
    }

    /** Requests the policy holds plus those behind a fence and in plugs: everything not yet dispatched. */
    public int depth() {
        return held.size() + fenced.size() + plugged;
    }

    /**
     * Queues {@code io}, which the block layer has checked (device, range,
     * read-only). Its completion comes later, exactly once.
     */
    public void submit(BlockIo io) {
        Request r = new Request(nextId++, io, clock.getAsLong());
        ArrayList<Request> plug = plugs.get(io.tid());
        if (plug != null) {
            if (isFence(r)) {
                releasePlug(plug);         // a barrier does not wait in a plug, nor pass what it holds
                enqueue(r);
            } else {
                plugAdd(plug, r);
            }
        } else {
            enqueue(r);
        }
        kick();
    }

    /** Thread {@code tid} starts holding its I/Os (nested plugs are one plug). */
    public void plug(int tid) {
        plugs.computeIfAbsent(tid, t -> new ArrayList<>());
    }

    /** Thread {@code tid} lets its held I/Os go and stops holding them. */
    public void unplug(int tid) {
        ArrayList<Request> plug = plugs.remove(tid);
        if (plug != null) {
            releasePlug(plug);
            kick();
        }
    }

    /** The active policy's name. */
    public String scheduler() {
        return slot.activeName();
    }

    /** The queue's counters by name, in a fixed order, then the driver's. */
    public Map<String, Long> counters() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts[0] = depth();
        counts[1] = inFlight.size();
        counts[11] = head;
        for (int i = 0; i < COUNTER_NAMES.length; i++) {
            out.put(COUNTER_NAMES[i], counts[i]);
        }
        out.putAll(stats.counters());
        out.putAll(driver.counters());
        return out;
    }

    /**
     * Makes {@code next} the device's policy: the old one is detached, the
     * new one attached with every request the old one held, in arrival
     * order (the queue kept them). Called by the slot on every change of
     * policy. An attach that throws ejects the new policy.
     */
    void install(IoSchedulingPolicy next) {
        IoSchedulingPolicy old = policy;
        policy = next;
        if (old != null) {
            try {
                old.detach();
            } catch (RuntimeException e) {
                LOG.warn("{}: I/O scheduler detach threw {}; it is not called again", name, e.toString());
            }
        }
        List<BlockRequest> seed = new ArrayList<>(arrival);
        slot.tell(name + ": attach", () -> next.attach(context, seed));
    }

    /** The active policy instance (tests). */
    IoSchedulingPolicy policy() {
        return policy;
    }

    // ---- the way in: plugs, fences, merges ----

    // A FLUSH, or a write that flushes the cache first: nothing passes it either way.
    private static boolean isFence(Request r) {
        return r.operation() == IoOperation.FLUSH || (r.flags() & BlockIo.PREFLUSH) != 0;
    }

    // Adds r to a plug, merged into a held request when adjacent; a full plug lets go.
    private void plugAdd(ArrayList<Request> plug, Request r) {
        for (int i = 0; i < plug.size(); i++) {
            Request x = plug.get(i);
            Request m = x.canAppend(r, BlockDevice.MAX_SECTORS) ? x.mergedWith(r, nextId++)
                    : r.canAppend(x, BlockDevice.MAX_SECTORS) ? r.mergedWith(x, nextId++) : null;
            if (m != null) {
                plug.set(i, m);
                counts[7]++;
                tellMerged(m);
                return;
            }
        }
        plug.add(r);
        plugged++;
        if (plug.size() >= PLUG_LIMIT) {
            releasePlug(plug);
        }
    }

    // Queues what a plug held, in its order, and empties it.
    private void releasePlug(ArrayList<Request> plug) {
        plugged -= plug.size();
        for (int i = 0; i < plug.size(); i++) {
            enqueue(plug.get(i));
        }
        plug.clear();
    }

    // Queues one request: behind a pending fence, as a fence, merged, or to the policy.
    private void enqueue(Request r) {
        if (fenceInPolicy != null || !fenced.isEmpty()) {
            Request last = fenced.peekLast();
            if (last != null && last.canAppend(r, BlockDevice.MAX_SECTORS)) {
                fenced.pollLast();
                Request m = last.mergedWith(r, nextId++);
                fenced.addLast(m);
                counts[7]++;
                tellMerged(m);
            } else {
                fenced.addLast(r);
                tellQueued(r);
            }
            return;
        }
        if (isFence(r)) {
            tellQueued(r);
            if (held.isEmpty()) {
                fenceInPolicy = r;
                give(r);
            } else {
                fenced.addLast(r);
            }
            return;
        }
        if (!merge(r)) {
            tellQueued(r);
            give(r);
        }
    }

    /**
     * Merges r with the held request it continues and/or the one it
     * precedes. The queue's records change first, so a policy ejected by
     * one of these calls is replaced by one seeded with the merged request,
     * and the calls after it are skipped. The policy sees each old request removed, then the merged
     * one added. False when r is adjacent to none.
     */
    private boolean merge(Request r) {
        boolean write = r.operation() == IoOperation.WRITE;
        Request before = (write ? writesByEnd : readsByEnd).get(r.sector());
        if (before != null && !before.canAppend(r, BlockDevice.MAX_SECTORS)) {
            before = null;
        }
        Request grown = before == null ? r : before.mergedWith(r, nextId++);
        Request after = (write ? writesByStart : readsByStart).get(r.sector() + r.count());
        if (after != null && !grown.canAppend(after, BlockDevice.MAX_SECTORS)) {
            after = null;
        }
        if (before == null && after == null) {
            return false;
        }
        Request merged = after == null ? grown : grown.mergedWith(after, nextId++);
        IoSchedulingPolicy p = policy;
        if (before != null) {
            take(before);
        }
        if (after != null) {
            take(after);
        }
        hold(merged);
        counts[7]++;
        if (before != null && policy == p) {
            Request b = before;
            slot.tell(removeCall, () -> p.remove(b));
        }
        if (after != null && policy == p) {
            Request a = after;
            slot.tell(removeCall, () -> p.remove(a));
        }
        if (policy == p) {
            slot.tell(addCall, () -> p.add(merged));
        }
        tellMerged(merged);
        return true;
    }

    // Gives a request to the policy (the queue records it first, so an ejection re-seeds it).
    private void give(Request r) {
        IoSchedulingPolicy p = policy;
        hold(r);
        slot.tell(addCall, () -> p.add(r));
    }

    // Records r as held by the policy.
    private void hold(Request r) {
        held.put(r.id(), r);
        arrival.add(r);
        if (r.operation() != IoOperation.FLUSH) {
            boolean write = r.operation() == IoOperation.WRITE;
            (write ? writesByEnd : readsByEnd).put(r.sector() + r.count(), r);
            (write ? writesByStart : readsByStart).put(r.sector(), r);
        }
    }

    // Forgets r as held by the policy.
    private void take(Request r) {
        held.remove(r.id());
        arrival.remove(r);
        if (r.operation() != IoOperation.FLUSH) {
            boolean write = r.operation() == IoOperation.WRITE;
            (write ? writesByEnd : readsByEnd).remove(r.sector() + r.count(), r);
            (write ? writesByStart : readsByStart).remove(r.sector(), r);
        }
    }

    // ---- the way out: dispatch and completion ----

    // Starts the next request when the device is idle and the policy holds one.
    private void kick() {
        if (dispatching || held.isEmpty() || !driver.idle()) {
            return;
        }
        long from = head;
        Request r;
        dispatching = true;
        try {
            r = choose();
        } finally {
            dispatching = false;
        }
        if (r == fenceInPolicy) {
            fenceInPolicy = null;
        }
        releaseFenced();
        inFlight.addLast(r);
        counts[8]++;
        if (r.operation() != IoOperation.FLUSH) {
            head = r.sector() + r.count();
            counts[10] += Math.abs(r.sector() - lastStop(from));
        }
        long now = clock.getAsLong();
        int depth = depth();
        stats.dispatched(r, now, from, depth);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).dispatched(r, now, from, depth);
        }
        if (tracer != null) {
            tracer.record(TraceKind.BLOCK_DISPATCH, -1, r.pid(), r.sector(), where(r),
                    describe(r) + " by " + slot.activeName() + ", " + depth + " queued");
        }
        driver.start(r, done);
    }

    // Where the head was before the last leg: the last waypoint, else 'from'; adds the waypoints' legs.
    private long lastStop(long from) {
        long at = from;
        for (long w : waypoints) {
            long stop = Math.max(0, Math.min(capacity - 1, w));
            counts[10] += Math.abs(stop - at);
            at = stop;
        }
        waypoints = NO_WAYPOINTS;
        return at;
    }

    /**
     * The policy's choice, checked: a request it holds, taken out of the
     * queue's records. The watchdog ejects a policy that let the oldest
     * request wait too long; a throw, a null while it holds requests or an
     * unknown request ejects it too, and the FIFO answers.
     */
    private Request choose() {
        long now = clock.getAsLong();
        if (watchdogCycles > 0 && !slot.isFallback()) {
            Request oldest = arrival.first();
            if (now - oldest.arrival() > watchdogCycles) {
                slot.eject(name + ": " + oldest + " waited " + (now - oldest.arrival()) + " cycles, past the"
                        + " watchdog's " + watchdogCycles);
            }
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            IoSchedulingPolicy p = policy;
            long at = head;
            BlockRequest b = slot.ask(dispatchCall, () -> p.dispatch(at, now), null);
            if (policy != p) {
                continue;                  // it threw and was ejected: ask the FIFO
            }
            Request r = b == null ? null : held.get(b.id());
            if (r != null) {
                take(r);
                long[] w = slot.ask(waypointsCall, p::lastWaypoints, NO_WAYPOINTS);
                waypoints = w == null ? NO_WAYPOINTS : w;
                return r;
            }
            if (slot.isFallback()) {
                // the built-in FIFO lost track (cannot happen): serve the oldest, loudly
                LOG.error("{}: the built-in I/O scheduler returned {} while holding {} requests", name, b,
                        held.size());
                Request oldest = arrival.first();
                take(oldest);
                install(new BuiltinFifo());
                return oldest;
            }
            slot.eject(name + ": dispatch() returned " + (b == null ? "null while holding " + held.size()
                    + " requests" : b + ", which it does not hold"));
        }
        throw new IllegalStateException(name + ": no I/O scheduler chose a request among " + held.size());
    }

    // Moves what waits behind a dispatched fence to the policy, up to the next fence.
    private void releaseFenced() {
        while (fenceInPolicy == null && !fenced.isEmpty()) {
            Request r = fenced.peekFirst();
            if (isFence(r)) {
                if (!held.isEmpty()) {
                    return;               // the fence waits for the policy to drain
                }
                fenced.pollFirst();
                fenceInPolicy = r;
                give(r);
                return;
            }
            fenced.pollFirst();
            if (!merge(r)) {
                give(r);
            }
        }
    }

    // The driver finished r: completes each of its I/Os once, then starts the next request.
    private void completed(Request r, int errno, long now) {
        if (!inFlight.removeFirstOccurrence(r)) {
            throw new IllegalStateException(name + ": the driver completed " + r + ", which it was not given ("
                    + inFlight + " are)");
        }
        switch (r.operation()) {
            case READ -> {
                counts[2]++;
                counts[5] += r.count();
            }
            case WRITE -> {
                counts[3]++;
                counts[6] += r.count();
            }
            default -> counts[4]++;
        }
        if (errno != 0) {
            counts[9]++;
        }
        long waited = now - r.arrival();
        List<BlockIo> ios = r.ios();
        for (int i = 0; i < ios.size(); i++) {
            BlockIo io = ios.get(i);
            accounting.account(io, waited);
            try {
                io.complete(errno);
            } catch (RuntimeException e) {
                LOG.error("{}: the completion of {} threw", name, io, e);
            }
        }
        int depth = depth();
        stats.completed(r, errno, now, depth);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).completed(r, errno, now, depth);
        }
        if (tracer != null) {
            long us = clockHz <= 0 ? 0 : waited * 1_000_000 / clockHz;
            tracer.record(TraceKind.BLOCK_COMPLETE, -1, r.pid(), r.sector(), where(r),
                    describe(r) + " in " + us + " us" + (errno == 0 ? "" : " error " + errno));
        }
        releaseFenced();
        kick();
    }

    // ---- telling ----

    private void tellQueued(Request r) {
        long now = clock.getAsLong();
        int depth = depth();
        stats.queued(r, now, depth);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).queued(r, now, depth);
        }
        if (tracer != null) {
            tracer.record(TraceKind.BLOCK_ISSUE, -1, r.pid(), r.sector(), where(r), describe(r));
        }
    }

    private void tellMerged(Request m) {
        long now = clock.getAsLong();
        int depth = depth();
        stats.merged(m, now, depth);
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).merged(m, now, depth);
        }
    }

    // The trace's b: device number in the high word, sectors in the low one.
    private long where(Request r) {
        return ((long) device << 32) | (r.count() & 0xffffffffL);
    }

    // "vda R 2048+8 sync": the trace's text for a request.
    private String describe(Request r) {
        char op = r.operation() == IoOperation.READ ? 'R' : r.operation() == IoOperation.WRITE ? 'W' : 'F';
        StringBuilder sb = new StringBuilder(32).append(name).append(' ').append(op).append(' ')
                .append(r.sector()).append('+').append(r.count());
        if ((r.flags() & BlockIo.SYNC) != 0) {
            sb.append(" sync");
        }
        if ((r.flags() & BlockIo.FUA) != 0) {
            sb.append(" fua");
        }
        if ((r.flags() & BlockIo.PREFLUSH) != 0) {
            sb.append(" preflush");
        }
        return sb.toString();
    }
}
