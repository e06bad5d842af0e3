package osbox.iosched.sstf;

import java.util.List;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;
import osbox.policy.support.SectorQueue;

/**
 * Shortest seek time first: the request nearest the head, in sectors (the
 * nearest at or above it against the nearest below; on a tie the one that
 * arrived first, by id). Short seeks, but no bound on waiting: a stream of
 * requests near the head starves a far one. O(log n).
 */
final class SstfPolicy implements IoSchedulingPolicy {
    private final SectorQueue queue = new SectorQueue();

    /** Queues the seeded requests by sector. */
    @Override
    public void attach(IoSchedulingContext context, List<BlockRequest> queued) {
        queued.forEach(queue::add);
    }

    /** Queues r by sector. */
    @Override
    public void add(BlockRequest request) {
        queue.add(request);
    }

    /** Drops r. */
    @Override
    public void remove(BlockRequest request) {
        queue.remove(request);
    }

    /** The request nearest the head. */
    @Override
    public BlockRequest dispatch(long head, long now) {
        BlockRequest up = queue.atOrAbove(head);
        BlockRequest down = queue.below(head);
        BlockRequest next;
        if (up == null || down == null) {
            next = up == null ? down : up;
        } else {
            long upDistance = up.sector() - head;
            long downDistance = head - down.sector();
            next = upDistance < downDistance || (upDistance == downDistance && up.id() < down.id()) ? up : down;
        }
        if (next != null) {
            queue.remove(next);
        }
        return next;
    }
}
