package osbox.iosched.noop;

import osbox.api.io.BlockRequest;
import osbox.policy.support.ArrivalQueue;
import osbox.policy.support.IoQueuePolicy;

/**
 * First come, first served: requests go to the device in arrival order
 * (Linux's noop, now "none": the block layer still merges). Fair and
 * seek-blind: a request waits at most for those queued before it. O(1).
 */
final class NoopPolicy extends IoQueuePolicy<ArrivalQueue> {
    NoopPolicy() {
        super(new ArrivalQueue());
    }

    /** The oldest request, wherever the head is. */
    @Override
    protected BlockRequest choose(long head, long now) {
        return queue.oldest();
    }
}
