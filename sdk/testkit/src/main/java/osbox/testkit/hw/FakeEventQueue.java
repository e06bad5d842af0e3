package osbox.testkit.hw;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;
import osbox.api.hw.EventQueue;

/**
 * A deterministic event queue the test drives: events are ordered by time,
 * then by the order they were scheduled; nothing fires until
 * {@link #advanceTo}, which fires every event due by then, in order, each at
 * its own time ({@link #now} is the event's time while it runs). Event ids
 * start at 1. Thread-safe; events run on the thread that advances the clock,
 * outside the queue's lock, so they may schedule and cancel.
 */
public final class FakeEventQueue implements EventQueue {
    private record Event(long at, long id, Runnable action) {
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            Comparator.comparingLong(Event::at).thenComparingLong(Event::id));
    private long now;
    private long nextId = 1;
    private long fired;
    /** Told the time of every event scheduled (FakeMachine's own thread fires it there); may be null. */
    private LongConsumer scheduled;

    /** Tells {@code listener} the time of every event scheduled from now on. */
    synchronized void whenScheduled(LongConsumer listener) {
        this.scheduled = listener;
    }

    /** The clock: the time of the event running, or the last time advanced to. */
    public synchronized long now() {
        return now;
    }

    /** Schedules {@code action} at {@code at} (a time already past means now); returns its id. */
    @Override
    public long schedule(long at, Runnable action) {
        if (action == null) {
            throw new IllegalArgumentException("null action");
        }
        Event e;
        LongConsumer listener;
        synchronized (this) {
            e = new Event(Math.max(at, now), nextId++, action);
            queue.add(e);
            listener = scheduled;
        }
        if (listener != null) {
            listener.accept(e.at());
        }
        return e.id();
    }

    /** Cancels a pending event; false if it already fired, was cancelled or never existed. */
    @Override
    public synchronized boolean cancel(long id) {
        return queue.removeIf(e -> e.id() == id);
    }

    /** The time of the next event, or Long.MAX_VALUE. */
    @Override
    public synchronized long nextTime() {
        Event e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.at();
    }

    /** Events pending. */
    @Override
    public synchronized int size() {
        return queue.size();
    }

    /** Events fired so far. */
    public synchronized long fired() {
        return fired;
    }

    /**
     * Moves the clock to {@code time}, firing every event due by then (those
     * the fired ones schedule too) in order; the clock never goes back.
     */
    public void advanceTo(long time) {
        while (true) {
            Event e;
            synchronized (this) {
                e = queue.peek();
                if (e == null || e.at() > time) {
                    now = Math.max(now, time);
                    return;
                }
                queue.poll();
                now = Math.max(now, e.at());
                fired++;
            }
            e.action().run();
        }
    }
}
