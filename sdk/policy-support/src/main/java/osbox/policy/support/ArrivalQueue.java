package osbox.policy.support;

import java.util.Iterator;
import java.util.LinkedHashMap;
import osbox.api.io.BlockRequest;

/**
 * Block requests in the order they were added (arrival order, as the
 * I/O-scheduler SPI adds and seeds them), with removal of any one by id:
 * every operation O(1). The FIFO of noop and of deadline's expiry lists.
 */
public final class ArrivalQueue implements IoQueue {
    /** By id, in insertion order (a linked map: its order is insertion, never hash order). */
    private final LinkedHashMap<Long, BlockRequest> byArrival = new LinkedHashMap<>();

    /** Queues r last; throws IllegalStateException when its id is queued already. */
    @Override
    public void add(BlockRequest r) {
        if (byArrival.putIfAbsent(r.id(), r) != null) {
            throw new IllegalStateException("request " + r.id() + " is queued already");
        }
    }

    /** Removes r; false when it was not queued. */
    @Override
    public boolean remove(BlockRequest r) {
        return byArrival.remove(r.id()) != null;
    }

    /** The oldest request, or null. */
    public BlockRequest oldest() {
        Iterator<BlockRequest> it = byArrival.values().iterator();
        return it.hasNext() ? it.next() : null;
    }

    /** Removes and returns the oldest request, or null. */
    public BlockRequest pollOldest() {
        BlockRequest r = oldest();
        if (r != null) {
            byArrival.remove(r.id());
        }
        return r;
    }

    /** How many requests are queued. */
    public int size() {
        return byArrival.size();
    }

    /** Whether none is queued. */
    @Override
    public boolean isEmpty() {
        return byArrival.isEmpty();
    }
}
