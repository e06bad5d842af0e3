package osbox.iosched.deadline;

import java.util.List;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoOperation;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;
import osbox.policy.support.ArrivalQueue;
import osbox.policy.support.SectorQueue;

/**
 * Linux's deadline scheduler. Reads and writes (flushes count as writes)
 * each sit in two queues: by sector, and by arrival with an expiry time
 * (arrival + read-expire or write-expire). Requests go out in batches of at
 * most fifo-batch, each continuing upwards in sector order from the head.
 * A new batch prefers reads, unless writes have been passed over
 * writes-starved times; it starts at the oldest request of its direction
 * when that one has expired (or nothing lies above the head), else at the
 * next one above the head. So a read waits about read-expire plus a batch,
 * a write about writes-starved read batches more. Each decision is
 * O(log n).
 */
final class DeadlinePolicy implements IoSchedulingPolicy {
    /** One data direction's queues and expiry. */
    private static final class Direction {
        final SectorQueue bySector = new SectorQueue();
        final ArrivalQueue byArrival = new ArrivalQueue();
        final long expire;

        Direction(long expire) {
            this.expire = expire;
        }

        /** Whether the oldest request has waited past its expiry at cycle now. */
        boolean oldestExpired(long now) {
            BlockRequest oldest = byArrival.oldest();
            return oldest != null && now - oldest.arrival() >= expire;
        }

        boolean isEmpty() {
            return byArrival.isEmpty();
        }
    }

    private final Direction reads;
    private final Direction writes;
    private final int fifoBatch;
    private final int writesStarved;
    /** The direction of the batch under way, or null before the first. */
    private Direction batchDirection;
    private int batched;
    /** Read batches started while writes waited, since the last write batch. */
    private int starved;

    DeadlinePolicy(long readExpire, long writeExpire, int fifoBatch, int writesStarved) {
        this.reads = new Direction(readExpire);
        this.writes = new Direction(writeExpire);
        this.fifoBatch = fifoBatch;
        this.writesStarved = writesStarved;
    }

    /** Queues the seeded requests (arrival order, so the expiry lists stay in order). */
    @Override
    public void attach(IoSchedulingContext context, List<BlockRequest> queued) {
        queued.forEach(this::add);
    }

    /** Queues r in its direction's sector and arrival queues. */
    @Override
    public void add(BlockRequest request) {
        Direction d = directionOf(request);
        d.bySector.add(request);
        d.byArrival.add(request);
    }

    /** Drops r from both of its direction's queues. */
    @Override
    public void remove(BlockRequest request) {
        Direction d = directionOf(request);
        d.bySector.remove(request);
        d.byArrival.remove(request);
    }

    /** Continues the batch upwards from head, or starts a new one (see the class comment). */
    @Override
    public BlockRequest dispatch(long head, long now) {
        if (reads.isEmpty() && writes.isEmpty()) {
            return null;
        }
        BlockRequest next = null;
        if (batchDirection != null && batched < fifoBatch) {
            next = batchDirection.bySector.atOrAbove(head);
        }
        if (next == null) {
            batchDirection = chooseDirection();
            batched = 0;
            BlockRequest above = batchDirection.bySector.atOrAbove(head);
            next = batchDirection.oldestExpired(now) || above == null ? batchDirection.byArrival.oldest() : above;
        }
        batched++;
        remove(next);
        return next;
    }

    /** Reads first, unless writes wait and were passed over writes-starved times already. */
    private Direction chooseDirection() {
        if (!reads.isEmpty()) {
            if (writes.isEmpty() || starved < writesStarved) {
                if (!writes.isEmpty()) {
                    starved++;
                }
                return reads;
            }
        }
        starved = 0;
        return writes;
    }

    /** Reads in one direction, writes and flushes in the other. */
    private Direction directionOf(BlockRequest r) {
        return r.operation() == IoOperation.READ ? reads : writes;
    }
}
