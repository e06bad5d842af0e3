package ${package};

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;

/**
 * Windowed SSTF, as disk.py's bounded SATF windows: the {@code window}
 * oldest requests form a batch, served nearest-to-the-head first; the next
 * batch is taken only when this one is done. A window of 1 is FIFO; a
 * window as large as the queue is SSTF. Unlike SSTF it bounds waiting: a
 * request waits for those queued before it and at most {@code window - 1}
 * of its own batch. A decision costs O(window + log n).
 */
final class WindowedSstfPolicy implements IoSchedulingPolicy {
    private final int window;
    /** The requests waiting for a batch, by arrival number (oldest first). */
    private final TreeMap<Long, BlockRequest> waiting = new TreeMap<>();
    /** Each waiting request's arrival number, by request id; looked up only, never iterated. */
    private final Map<Long, Long> arrivalOf = new HashMap<>();
    /** The batch being served, in arrival order. */
    private final List<BlockRequest> batch = new ArrayList<>();
    private long arrivals;

    WindowedSstfPolicy(int window) {
        this.window = window;
    }

    /** Queues every seeded request, oldest first. */
    @Override
    public void attach(IoSchedulingContext context, List<BlockRequest> queued) {
        queued.forEach(this::add);
    }

    /** Queues r as the newest. */
    @Override
    public void add(BlockRequest request) {
        long n = arrivals++;
        waiting.put(n, request);
        arrivalOf.put(request.id(), n);
    }

    /** Drops r, from the batch or the waiting queue. */
    @Override
    public void remove(BlockRequest request) {
        Long n = arrivalOf.remove(request.id());
        if (n != null) {
            waiting.remove(n);
        } else {
            batch.removeIf(r -> r.id() == request.id());
        }
    }

    /** The nearest to the head in the batch (the older on a tie), taking a new batch when it is empty. */
    @Override
    public BlockRequest dispatch(long head, long now) {
        if (batch.isEmpty()) {
            while (batch.size() < window && !waiting.isEmpty()) {
                BlockRequest r = waiting.pollFirstEntry().getValue();
                arrivalOf.remove(r.id());
                batch.add(r);
            }
        }
        BlockRequest best = null;
        for (BlockRequest r : batch) {
            if (best == null || Math.abs(r.sector() - head) < Math.abs(best.sector() - head)) {
                best = r;
            }
        }
        if (best != null) {
            batch.remove(best);
        }
        return best;
    }
}
