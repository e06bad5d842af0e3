package osbox.hw.machine;

import java.util.PriorityQueue;
import osbox.api.hw.EventQueue;

/**
 * Events ordered by (cycle, sequence number): equal times fire in the order
 * they were scheduled, so nothing depends on hashing or threads.
 * Simulation thread only.
 */
public final class TimedEventQueue implements EventQueue {
    private static final class Entry implements Comparable<Entry> {
        final long at;
        final long id;
        final Runnable action;
        boolean cancelled;

        Entry(long at, long id, Runnable action) {
            this.at = at;
            this.id = id;
            this.action = action;
        }

        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private final java.util.TreeMap<Long, Entry> byId = new java.util.TreeMap<>();
    private final java.util.function.LongSupplier now;
    private long nextId = 1;
    private long fired;

    /** {@code now} tells the current time, so events scheduled in the past fire now. */
    public TimedEventQueue(java.util.function.LongSupplier now) {
        this.now = now;
    }

    @Override
    public long schedule(long at, Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("null event action");
        }
        Entry e = new Entry(Math.max(at, now.getAsLong()), nextId++, action);
        queue.add(e);
        byId.put(e.id, e);
        return e.id;
    }

    @Override
    public boolean cancel(long id) {
        Entry e = byId.remove(id);
        if (e == null) {
            return false;
        }
        e.cancelled = true;
        queue.remove(e);
        return true;
    }

    @Override
    public long nextTime() {
        Entry e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.at;
    }

    @Override
    public int size() {
        return queue.size();
    }

    /** Fires, in order, every event due at or before {@code time}; returns how many fired. */
    public int fireUntil(long time) {
        int n = 0;
        Entry e;
        while ((e = queue.peek()) != null && e.at <= time) {
            queue.poll();
            byId.remove(e.id);
            if (!e.cancelled) {
                n++;
                fired++;
                e.action.run();
            }
        }
        return n;
    }

    /** Events fired since creation. */
    public long fired() {
        return fired;
    }
}
