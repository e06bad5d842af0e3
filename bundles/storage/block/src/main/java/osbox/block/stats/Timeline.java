package osbox.block.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A bounded record of a device's head position and queue depth over time,
 * for the pictures (--io-svg). It keeps at most {@code capacity} points:
 * when full it drops every other point and from then on keeps only every
 * second offered point (then every fourth, ...), so a long run keeps an
 * evenly thinned picture of all of it, the same on every run. Not
 * thread-safe: its owner locks.
 */
public final class Timeline {
    /** The default bound: enough for a clear picture, a few megabytes at most. */
    public static final int DEFAULT_CAPACITY = 100_000;

    /**
     * One point: at cycle {@code at} the head was at {@code sector} with
     * {@code depth} requests queued.
     */
    public record Point(long at, long sector, int depth) {
    }

    private final int capacity;
    private final List<Point> points = new ArrayList<>();
    /** Keep one offered point in this many (a power of two). */
    private long stride = 1;
    private long offered;

    /** An empty timeline of at most {@code capacity} points (at least 2). */
    public Timeline(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a timeline needs room for 2 points, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Offers a point; it is kept when the current stride says so. */
    public void add(long at, long sector, int depth) {
        if (offered++ % stride != 0) {
            return;
        }
        if (points.size() == capacity) {
            thin();
            if ((offered - 1) % stride != 0) {
                return;
            }
        }
        points.add(new Point(at, sector, depth));
    }

    /** The points kept, oldest first (a copy). */
    public List<Point> points() {
        return List.copyOf(points);
    }

    /** How many points were offered in all. */
    public long offered() {
        return offered;
    }

    // Halves the points (keeps the even ones) and doubles the stride.
    private void thin() {
        int kept = 0;
        for (int i = 0; i < points.size(); i += 2) {
            points.set(kept++, points.get(i));
        }
        points.subList(kept, points.size()).clear();
        stride *= 2;
    }
}
