package osbox.hw.timer;

import java.util.Comparator;
import java.util.PriorityQueue;
import osbox.api.hw.EventQueue;

/** A deterministic event queue for tests: ordered by (time, sequence); {@link #advanceTo} fires due events. */
final class FakeEventQueue implements EventQueue {
    private record Event(long at, long id, Runnable action) {
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            Comparator.comparingLong(Event::at).thenComparingLong(Event::id));
    private long now;
    private long nextId;

    long now() {
        return now;
    }

    @Override
    public long schedule(long at, Runnable action) {
        long id = nextId++;
        queue.add(new Event(Math.max(at, now), id, action));
        return id;
    }

    @Override
    public boolean cancel(long id) {
        return queue.removeIf(e -> e.id() == id);
    }

    @Override
    public long nextTime() {
        Event e = queue.peek();
        return e == null ? Long.MAX_VALUE : e.at();
    }

    @Override
    public int size() {
        return queue.size();
    }

    // Moves the clock to {@code time}, firing every event due by then in order.
    void advanceTo(long time) {
        while (!queue.isEmpty() && queue.peek().at() <= time) {
            Event e = queue.poll();
            now = e.at();
            e.action().run();
        }
        now = Math.max(now, time);
    }
}
