package osbox.policy.support;

import java.util.Map;
import java.util.TreeMap;
import osbox.api.io.BlockRequest;

/**
 * Block requests ordered by sector (ties by id), for the I/O schedulers
 * that choose by position: the nearest at or above a sector, at or below
 * it, the lowest and the highest, each in O(log n). A request's sector must
 * not change while it is queued (the I/O-scheduler SPI promises it).
 */
public final class SectorQueue implements IoQueue {
    /** A queued request's place: its sector, then its id. */
    private record Key(long sector, long id) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(sector, o.sector);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    private final TreeMap<Key, BlockRequest> bySector = new TreeMap<>();

    /** Queues r; throws IllegalStateException when a request with its id and sector is queued already. */
    @Override
    public void add(BlockRequest r) {
        if (bySector.putIfAbsent(new Key(r.sector(), r.id()), r) != null) {
            throw new IllegalStateException("request " + r.id() + " is queued already");
        }
    }

    /** Removes r; false when it was not queued. */
    @Override
    public boolean remove(BlockRequest r) {
        return bySector.remove(new Key(r.sector(), r.id())) != null;
    }

    /** The lowest request at or above {@code sector} (lowest id first), or null. */
    public BlockRequest atOrAbove(long sector) {
        return value(bySector.ceilingEntry(new Key(sector, Long.MIN_VALUE)));
    }

    /** The highest request at or below {@code sector} (for equal sectors the lowest id), or null. */
    public BlockRequest atOrBelow(long sector) {
        Map.Entry<Key, BlockRequest> at = bySector.ceilingEntry(new Key(sector, Long.MIN_VALUE));
        if (at != null && at.getKey().sector() == sector) {
            return at.getValue();
        }
        return value(bySector.lowerEntry(new Key(sector, Long.MIN_VALUE)));
    }

    /** The highest request strictly below {@code sector}, or null. */
    public BlockRequest below(long sector) {
        return value(bySector.lowerEntry(new Key(sector, Long.MIN_VALUE)));
    }

    /** The request at the lowest sector, or null. */
    public BlockRequest lowest() {
        return value(bySector.firstEntry());
    }

    /** The request at the highest sector, or null. */
    public BlockRequest highest() {
        return value(bySector.lastEntry());
    }

    /** How many requests are queued. */
    public int size() {
        return bySector.size();
    }

    /** Whether none is queued. */
    @Override
    public boolean isEmpty() {
        return bySector.isEmpty();
    }

    /** The entry's request, or null for no entry. */
    private static BlockRequest value(Map.Entry<Key, BlockRequest> e) {
        return e == null ? null : e.getValue();
    }
}
