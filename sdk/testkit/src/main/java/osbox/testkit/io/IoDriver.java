package osbox.testkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoOperation;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;

/**
 * The block layer's side of a policy, for tests: it owns the queue (in
 * arrival order), the head position and the clock, asks the policy for
 * each dispatch, and checks every answer loudly (a request the policy does
 * not hold, null while requests wait, a waypoint off the disk). The head
 * follows the cylinder model of the textbooks: after a request it rests on
 * the request's last sector; every dispatch takes {@code serviceCycles}.
 * A swap detaches the policy and seeds the next one with the queue, as the
 * mechanism does.
 */
public final class IoDriver {
    private final IoSchedulingContext context;
    private final long serviceCycles;
    private IoSchedulingPolicy policy;
    /** The queued requests by id, in arrival order. */
    private final LinkedHashMap<Long, BlockRequest> queued = new LinkedHashMap<>();
    /** Dispatches done when each request (by id) was added; looked up only, never iterated. */
    private final Map<Long, Long> addedAt = new HashMap<>();
    /** Every id ever added, so a duplicate dispatch or re-add is caught; looked up only. */
    private final Map<Long, Boolean> seen = new HashMap<>();
    private final List<BlockRequest> dispatched = new ArrayList<>();
    private final List<Long> waits = new ArrayList<>();
    private long head;
    private long now;
    private long movement;

    /**
     * A driver for {@code policy} on {@code context}'s device with the head at
     * {@code head}; attaches the policy to an empty queue.
     */
    public IoDriver(IoSchedulingPolicy policy, IoSchedulingContext context, long head, long serviceCycles) {
        assertTrue(head >= 0 && head < context.capacity(), "head " + head + " off the disk");
        this.policy = policy;
        this.context = context;
        this.head = head;
        this.serviceCycles = serviceCycles;
        policy.attach(context, List.of());
    }

    /**
     * Serves {@code sectors} (one-sector reads, ids 1, 2, ... in this order,
     * all queued at the start) from {@code head} on a disk of
     * {@code capacity} sectors: the textbook exercise. Read the answer with
     * {@link #servedSectors()} and {@link #movement()}.
     */
    public static IoDriver serve(IoSchedulingPolicy policy, long capacity, long head, long... sectors) {
        IoDriver d = new IoDriver(policy, new FakeIoContext(0, capacity), head, 1);
        for (int i = 0; i < sectors.length; i++) {
            d.add(FakeRequest.read(i + 1, sectors[i]));
        }
        d.drain();
        return d;
    }

    /** Queues r; its id must be new. */
    public void add(BlockRequest r) {
        assertNull(seen.put(r.id(), Boolean.TRUE), "request " + r.id() + " added twice");
        queued.put(r.id(), r);
        addedAt.put(r.id(), (long) dispatched.size());
        policy.add(r);
    }

    /** Cancels the queued request with id {@code id}. */
    public void remove(long id) {
        BlockRequest r = queued.remove(id);
        assertNotNull(r, "request " + id + " is not queued");
        policy.remove(r);
    }

    /**
     * Asks the policy for the next request, checks it, moves the head
     * there (through the policy's waypoints) and advances the clock; null
     * when nothing is queued (and the policy must agree).
     */
    public BlockRequest dispatch() {
        BlockRequest r = policy.dispatch(head, now);
        if (queued.isEmpty()) {
            assertNull(r, "dispatch returned a request while none is queued");
            return null;
        }
        assertNotNull(r, "dispatch returned null while " + queued.size() + " requests are queued");
        BlockRequest held = queued.remove(r.id());
        if (held == null) {
            fail("dispatch returned request " + r.id() + ", which is not queued (dispatched twice, removed, or unknown)");
        }
        assertEquals(held, r, "dispatch returned a different object for request " + r.id());
        long[] waypoints = policy.lastWaypoints();
        assertNotNull(waypoints, "lastWaypoints() returned null");
        for (long edge : waypoints) {
            assertTrue(edge >= 0 && edge < context.capacity(), "waypoint " + edge + " off the disk");
            movement += Math.abs(edge - head);
            head = edge;
        }
        if (r.operation() != IoOperation.FLUSH) {
            long to = r.sector() + Math.max(1, r.count()) - 1;
            movement += Math.abs(to - head);
            head = to;
        }
        waits.add(dispatched.size() - addedAt.get(r.id()));
        dispatched.add(r);
        now += serviceCycles;
        return r;
    }

    /** Dispatches until the queue is empty. */
    public void drain() {
        while (!queued.isEmpty()) {
            dispatch();
        }
        assertNull(dispatch(), "dispatch returned a request after the queue drained");
    }

    /** Replaces the policy by {@code next}, seeded with the queue in arrival order. */
    public void swap(IoSchedulingPolicy next) {
        policy.detach();
        policy = next;
        next.attach(context, List.copyOf(queued.values()));
    }

    /** The requests dispatched, in order. */
    public List<BlockRequest> dispatched() {
        return List.copyOf(dispatched);
    }

    /** The ids dispatched, in order. */
    public List<Long> dispatchedIds() {
        return dispatched.stream().map(BlockRequest::id).toList();
    }

    /** The sectors served, in order. */
    public List<Long> servedSectors() {
        return dispatched.stream().map(BlockRequest::sector).toList();
    }

    /** For each dispatched request, in order: how many other dispatches happened while it waited. */
    public List<Long> waits() {
        return List.copyOf(waits);
    }

    /** The wait (in dispatches) of the request with id {@code id}, which must have been dispatched. */
    public long waitOf(long id) {
        for (int i = 0; i < dispatched.size(); i++) {
            if (dispatched.get(i).id() == id) {
                return waits.get(i);
            }
        }
        throw new AssertionError("request " + id + " was never dispatched");
    }

    /** Total head movement in sectors (waypoints included). */
    public long movement() {
        return movement;
    }

    /** The head's sector. */
    public long head() {
        return head;
    }

    /** The current cycle. */
    public long now() {
        return now;
    }

    /** How many requests are queued. */
    public int queuedCount() {
        return queued.size();
    }

    /** The queued requests in arrival order. */
    public List<BlockRequest> queued() {
        return List.copyOf(queued.values());
    }
}
