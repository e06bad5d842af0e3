package osbox.block.queue;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import osbox.api.io.BlockRequest;
import osbox.api.io.IoSchedulingContext;
import osbox.api.io.IoSchedulingPolicy;

/**
 * The block layer's own I/O scheduler: first come, first served (Linux's
 * none). It is the io.sched slot's fallback, trusted kernel code that is
 * never ejected; it takes over when a policy is ejected or its bundle
 * stops, seeded with the queue in arrival order. Removal is O(1) (a linked
 * map by id, iterated in insertion order only).
 */
final class BuiltinFifo implements IoSchedulingPolicy {
    private final LinkedHashMap<Long, BlockRequest> queue = new LinkedHashMap<>();

    /** Forgets what it held and takes {@code queued}, oldest first. */
    @Override
    public void attach(IoSchedulingContext context, List<BlockRequest> queued) {
        queue.clear();
        for (BlockRequest r : queued) {
            queue.put(r.id(), r);
        }
    }

    @Override
    public void add(BlockRequest request) {
        queue.put(request.id(), request);
    }

    @Override
    public void remove(BlockRequest request) {
        queue.remove(request.id());
    }

    /** The request that arrived first (the head position does not matter to FIFO). */
    @Override
    public BlockRequest dispatch(long head, long now) {
        Iterator<BlockRequest> it = queue.values().iterator();
        if (!it.hasNext()) {
            return null;
        }
        BlockRequest first = it.next();
        it.remove();
        return first;
    }

    /** How many requests it holds (tests). */
    int size() {
        return queue.size();
    }
}
