package osbox.launcher;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import osbox.api.hw.EventQueue;
import osbox.api.hw.Hart;
import osbox.api.hw.Machine;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TrapVector;
import osbox.api.trace.Tracer;

/** A machine whose simulation thread is a single-thread executor; nothing else is simulated. */
final class FakeMachine implements Machine, AutoCloseable {
    private final ExecutorService sim = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-sim"));

    @Override public long now() { return 0; }
    @Override public long frequencyHz() { return 1_000_000; }
    @Override public int hartCount() { return 1; }
    @Override public Hart hart(int index) { throw new UnsupportedOperationException(); }
    @Override public PhysicalMemory memory() { throw new UnsupportedOperationException(); }
    /** Events run at once, in order, on the fake simulation thread (the clock never moves). */
    @Override
    public EventQueue events() {
        return new EventQueue() {
            private long next;

            @Override
            public long schedule(long at, Runnable action) {
                sim.execute(action);
                return ++next;
            }

            @Override public boolean cancel(long id) { return false; }
            @Override public long nextTime() { return Long.MAX_VALUE; }
            @Override public int size() { return 0; }
        };
    }
    @Override public void setTrapVector(TrapVector vector) { }
    @Override public void submit(Runnable task) { sim.execute(task); }

    // Runs the task on the fake simulation thread, wrapping its failure as a real machine might.
    @Override
    public <T> T call(Callable<T> task) throws Exception {
        if (onSimulationThread()) {
            return task.call();
        }
        try {
            return sim.submit(task).get();
        } catch (ExecutionException e) {
            throw e;
        }
    }

    @Override public boolean onSimulationThread() { return Thread.currentThread().getName().equals("fake-sim"); }
    @Override
    public MachineStatistics statistics() {
        return new MachineStatistics(0, frequencyHz(), 0, 0, 0, java.util.Map.of(),
                new osbox.api.hw.TlbStatistics(0, 0, 0, 0, 0), 0);
    }

    /** The trace: events recorded by tests, kept in full. */
    final java.util.List<osbox.api.trace.TraceEvent> trace = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Tracer tracer() {
        return new Tracer() {
            @Override
            public void record(osbox.api.trace.TraceKind kind, int hart, int pid, long a, long b) {
                record(kind, hart, pid, a, b, null);
            }

            @Override
            public void record(osbox.api.trace.TraceKind kind, int hart, int pid, long a, long b, String text) {
                trace.add(new osbox.api.trace.TraceEvent(now(), kind, hart, pid, a, b, text));
            }

            @Override public long hash() { return trace.size(); }
            @Override public long count() { return trace.size(); }
            @Override public java.util.List<osbox.api.trace.TraceEvent> events() { return java.util.List.copyOf(trace); }
        };
    }

    // Stops the fake simulation thread.
    @Override
    public void close() {
        sim.shutdownNow();
    }
}
