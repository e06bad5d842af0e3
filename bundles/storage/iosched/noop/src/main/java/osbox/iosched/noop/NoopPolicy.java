package osbox.iosched.noop;

import java.util.List;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;
import osbox.policy.support.ArrivalQueue;

/**
 * First come, first served: requests go to the device in arrival order
 * (Linux's noop, now "none": the block layer still merges). Fair and
 * seek-blind: a request waits at most for those queued before it.
 */
final class NoopPolicy implements IoSchedulingPolicy {
    private final ArrivalQueue queue = new ArrivalQueue();

    /** Queues the seeded requests in their arrival order. */
    @Override
    public void attach(IoSchedulingContext context, List<BlockRequest> queued) {
        queued.forEach(queue::add);
    }

    /** Queues r last. */
    @Override
    public void add(BlockRequest request) {
        queue.add(request);
    }

    /** Drops r. */
    @Override
    public void remove(BlockRequest request) {
        queue.remove(request);
    }

    /** The oldest request, wherever the head is. */
    @Override
    public BlockRequest dispatch(long head, long now) {
        return queue.pollOldest();
    }
}
