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
    @Override public EventQueue events() { throw new UnsupportedOperationException(); }
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
    @Override public MachineStatistics statistics() { throw new UnsupportedOperationException(); }
    @Override public Tracer tracer() { throw new UnsupportedOperationException(); }

    // Stops the fake simulation thread.
    @Override
    public void close() {
        sim.shutdownNow();
    }
}
