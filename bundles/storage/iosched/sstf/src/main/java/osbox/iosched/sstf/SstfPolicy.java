package osbox.iosched.sstf;

import osbox.api.io.BlockRequest;
import osbox.policy.support.IoQueuePolicy;
import osbox.policy.support.SectorQueue;

/**
 * Shortest seek time first: the request nearest the head, in sectors (the
 * nearest at or above it against the nearest below; on a tie the one that
 * arrived first, by id). Short seeks, but no bound on waiting: a stream of
 * requests near the head starves a far one. O(log n).
 */
final class SstfPolicy extends IoQueuePolicy<SectorQueue> {
    SstfPolicy() {
        super(new SectorQueue());
    }

    /** The request nearest the head. */
    @Override
    protected BlockRequest choose(long head, long now) {
        BlockRequest up = queue.atOrAbove(head);
        BlockRequest down = queue.below(head);
        if (up == null || down == null) {
            return up == null ? down : up;
        }
        long upDistance = up.sector() - head;
        long downDistance = head - down.sector();
        return upDistance < downDistance || (upDistance == downDistance && up.id() < down.id()) ? up : down;
    }
}
