package osbox.kernel.core.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import osbox.api.hw.EventQueue;
import osbox.api.hw.Hart;
import osbox.api.hw.Machine;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TrapVector;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;

/**
 * Fake harts, a deterministic event queue the test fires, a tracer that
 * keeps everything, the trap vector the kernel installs, and (optionally)
 * real physical memory.
 */
public final class FakeMachine implements Machine {
    public final FakeHart[] harts;
    final Events events = new Events();
    public final Trace trace = new Trace();
    private final PhysicalMemory memory;
    private TrapVector vector;
    long now;

    /** Harts without memory (the dispatcher's tests). */
    public FakeMachine(int hartCount) {
        this(hartCount, null);
    }

    /** Harts over {@code memory} (a VM manager can run on it). */
    public FakeMachine(int hartCount, PhysicalMemory memory) {
        this.memory = memory;
        harts = new FakeHart[hartCount];
        for (int i = 0; i < hartCount; i++) {
            harts[i] = new FakeHart(i);
        }
    }

    /** The trap vector the kernel installed at boot (null before). */
    public TrapVector trapVector() {
        return vector;
    }

    /** Advances the clock to {@code t}, firing due events in order. */
    public void advanceTo(long t) {
        now = t;
        events.fireUntil(t);
    }

    final class Events implements EventQueue {
        private record Event(long at, long id, Runnable action) {
        }

        private final PriorityQueue<Event> queue = new PriorityQueue<>(
                Comparator.comparingLong(Event::at).thenComparingLong(Event::id));
        private long nextId = 1;

        @Override
        public long schedule(long at, Runnable action) {
            Event e = new Event(Math.max(at, now), nextId++, action);
            queue.add(e);
            return e.id();
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

        void fireUntil(long t) {
            while (!queue.isEmpty() && queue.peek().at() <= t) {
                queue.poll().action().run();
            }
        }
    }

    /** Every event recorded, in order. */
    public static final class Trace implements Tracer {
        public final List<TraceEvent> events = new ArrayList<>();

        @Override
        public void record(TraceKind kind, int hart, int pid, long a, long b) {
            record(kind, hart, pid, a, b, null);
        }

        @Override
        public void record(TraceKind kind, int hart, int pid, long a, long b, String text) {
            events.add(new TraceEvent(0, kind, hart, pid, a, b, text));
        }

        @Override public long hash() { return 0; }
        @Override public long count() { return events.size(); }
        @Override public List<TraceEvent> events() { return events; }

        /** CONTEXT_SWITCH events as "hart:from->to". */
        List<String> switches() {
            return events.stream().filter(e -> e.kind() == TraceKind.CONTEXT_SWITCH)
                    .map(e -> e.hart() + ":" + e.a() + "->" + e.b()).toList();
        }
    }

    @Override public long now() { return now; }
    @Override public long frequencyHz() { return 1_000_000_000L; }
    @Override public int hartCount() { return harts.length; }
    @Override public Hart hart(int index) { return harts[index]; }
    @Override public PhysicalMemory memory() { return memory; }
    @Override public EventQueue events() { return events; }
    @Override public void setTrapVector(TrapVector vector) { this.vector = vector; }
    @Override public void submit(Runnable task) { task.run(); }
    @Override public <T> T call(Callable<T> task) throws Exception { return task.call(); }
    @Override public boolean onSimulationThread() { return true; }
    @Override public MachineStatistics statistics() { return null; }
    @Override public Tracer tracer() { return trace; }
}
