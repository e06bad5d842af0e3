package osbox.policy.support;

import java.util.List;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;

/**
 * The skeleton of an I/O scheduler over one queue: seeding, adding and
 * removing go to the queue; a dispatch asks {@link #choose} for a queued
 * request (only when the queue holds one) and removes it. noop (an
 * {@link ArrivalQueue}), SSTF and the sweeps (a {@link SectorQueue}) are
 * this plus their choice.
 *
 * @param <Q> the queue
 */
public abstract class IoQueuePolicy<Q extends IoQueue> implements IoSchedulingPolicy {
    /** The queued requests. */
    protected final Q queue;

    /** A policy over {@code queue}, which must be empty. */
    protected IoQueuePolicy(Q queue) {
        this.queue = queue;
    }

    /** Calls {@link #attached} with the context, then queues every seeded request in arrival order. */
    @Override
    public final void attach(IoSchedulingContext context, List<BlockRequest> queued) {
        attached(context);
        queued.forEach(queue::add);
    }

    /** Queues r. */
    @Override
    public final void add(BlockRequest request) {
        queue.add(request);
    }

    /** Drops r. */
    @Override
    public final void remove(BlockRequest request) {
        queue.remove(request);
    }

    /** Null when nothing is queued; else {@link #choose}'s request, removed from the queue. */
    @Override
    public final BlockRequest dispatch(long head, long now) {
        if (queue.isEmpty()) {
            return null;
        }
        BlockRequest next = choose(head, now);
        if (next == null || !queue.remove(next)) {
            throw new IllegalStateException("choose returned " + (next == null ? "null" : "request " + next.id()
                    + ", which is not queued"));
        }
        return next;
    }

    /** What the device is, before the seeded requests are queued (nothing by default). */
    protected void attached(IoSchedulingContext context) {
    }

    /** A queued request (the queue holds at least one), left in the queue: the caller removes it. */
    protected abstract BlockRequest choose(long head, long now);
}
