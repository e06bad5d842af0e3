package osbox.testkit.hw;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;

/**
 * A tracer that keeps every event (no ring), stamped with a clock's time;
 * its hash is FNV-1a over the events' fields, so equal traces hash equal.
 * Thread-safe.
 */
public final class FakeTracer implements Tracer {
    private final LongSupplier clock;
    private final List<TraceEvent> events = new ArrayList<>();

    /** Events stamped with time 0. */
    public FakeTracer() {
        this(() -> 0);
    }

    /** Events stamped with {@code clock}'s time when recorded. */
    public FakeTracer(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public void record(TraceKind kind, int hart, int pid, long a, long b) {
        record(kind, hart, pid, a, b, null);
    }

    @Override
    public synchronized void record(TraceKind kind, int hart, int pid, long a, long b, String text) {
        events.add(new TraceEvent(clock.getAsLong(), kind, hart, pid, a, b, text));
    }

    /** FNV-1a over every event's time, kind, hart, pid, a, b and text. */
    @Override
    public synchronized long hash() {
        long h = 0xcbf29ce484222325L;
        for (TraceEvent e : events) {
            for (long v : new long[] {e.cycle(), e.kind().ordinal(), e.hart(), e.pid(), e.a(), e.b(),
                    e.text() == null ? 0 : e.text().hashCode()}) {
                h = (h ^ v) * 0x100000001b3L;
            }
        }
        return h;
    }

    @Override
    public synchronized long count() {
        return events.size();
    }

    /** Every event so far, oldest first (a copy). */
    @Override
    public synchronized List<TraceEvent> events() {
        return List.copyOf(events);
    }

    /** The events of one kind, oldest first. */
    public synchronized List<TraceEvent> events(TraceKind kind) {
        return events.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The last event recorded, or null. */
    public synchronized TraceEvent last() {
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /** Forgets every event. */
    public synchronized void clear() {
        events.clear();
    }
}
