package osbox.api.io;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An I/O-scheduler policy for one device: orders its queued requests,
 * never touches them. The mechanism guarantees:
 * <ul>
 * <li>{@link #add} once per request, and then exactly one of
 * {@link #dispatch} (returning it) or {@link #remove} before the policy
 * is detached;</li>
 * <li>a request's values do not change while the policy holds it;</li>
 * <li>a policy that throws, returns a request it does not hold, returns
 * null while it holds requests, or leaves a request waiting past the
 * watchdog's timeout is ejected and the built-in FIFO takes over (seeded
 * with the queue as it is).</li>
 * </ul>
 * Decisions should cost O(log n) in the number of queued requests
 * (trees keyed by sector, heaps), not a scan of the whole queue.
 */
@ConsumerType
public interface IoSchedulingPolicy {
    /**
     * Starts the policy on a device: {@code queued} holds every request
     * queued now, in arrival order, as if each had been {@link #add}ed.
     */
    void attach(IoSchedulingContext context, List<BlockRequest> queued);

    /**
     * The policy is being replaced or stopped; it will not be called again.
     * It gives nothing back: the mechanism owns the requests and seeds the
     * next policy with every one still queued.
     */
    default void detach() {
    }

    /** A request joined the queue. */
    void add(BlockRequest request);

    /**
     * A queued request leaves without being dispatched: cancelled, or merged
     * into another (the mechanism then also removes the request it grows and
     * adds it again with its new sector and count).
     */
    void remove(BlockRequest request);

    /**
     * The request the device serves next, removed from the policy's queues;
     * never null while the policy holds a request (null only when it holds
     * none). {@code head} is the sector the device's head is at (where the
     * last dispatched request left it), {@code now} the current cycle.
     */
    BlockRequest dispatch(long head, long now);

    /**
     * The disk edges the head visits, in order, on its way to the request
     * {@link #dispatch} just returned, for the policies that sweep to an edge
     * before turning (SCAN: the last sector; C-SCAN: the last sector, then
     * sector 0); an empty array when it goes straight there. The mechanism
     * moves the head through them, so their seeks are charged.
     */
    default long[] lastWaypoints() {
        return new long[0];
    }
}
