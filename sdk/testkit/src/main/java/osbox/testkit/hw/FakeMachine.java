package osbox.testkit.hw;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import osbox.api.hw.Machine;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TrapVector;

/**
 * A machine for tests of what runs on one: {@link FakeHart}s, a
 * {@link FakeEventQueue} whose clock is the machine's ({@link #advanceTo}
 * fires what is due), a {@link FakeTracer} that keeps every event, the trap
 * vector the kernel installs (the test calls it), and optionally real
 * physical memory. Tasks from {@link #submit} and {@link #call} run as its
 * {@link Tasks} mode says. The statistics are zeros but for the clock and
 * the frequency (1 GHz).
 */
public final class FakeMachine implements Machine, AutoCloseable {
    /** Where submitted tasks run. */
    public enum Tasks {
        /** At once, on the caller's thread, which counts as the simulation thread (submit and call). */
        AT_ONCE,
        /**
         * Submitted tasks wait until the test runs them ({@link #runTasks});
         * call runs at once. The test's thread is the simulation thread.
         */
        QUEUED,
        /**
         * On a simulation thread of the machine's own, in order; call waits for
         * its task there (at once when already on it). Events scheduled run
         * there too, as soon as they are scheduled, the clock moving to each
         * one's time. {@link #close} stops the thread.
         */
        OWN_THREAD
    }

    private static final String THREAD_NAME = "fake-simulation";

    private final FakeHart[] harts;
    private final PhysicalMemory memory;
    private final Tasks tasks;
    private final FakeEventQueue events = new FakeEventQueue();
    private final FakeTracer tracer = new FakeTracer(events::now);
    private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
    private final ExecutorService thread;
    private TrapVector vector;
    private int calls;

    /** {@code hartCount} harts, no memory, tasks at once. */
    public FakeMachine(int hartCount) {
        this(hartCount, null, Tasks.AT_ONCE);
    }

    /** {@code hartCount} harts over {@code memory} (a VM manager can run on it), tasks at once. */
    public FakeMachine(int hartCount, PhysicalMemory memory) {
        this(hartCount, memory, Tasks.AT_ONCE);
    }

    /** {@code hartCount} harts over {@code memory} (or none), tasks as {@code tasks} says. */
    public FakeMachine(int hartCount, PhysicalMemory memory, Tasks tasks) {
        this.memory = memory;
        this.tasks = tasks;
        harts = new FakeHart[hartCount];
        for (int i = 0; i < hartCount; i++) {
            harts[i] = new FakeHart(i);
        }
        thread = tasks == Tasks.OWN_THREAD ? Executors.newSingleThreadExecutor(r -> new Thread(r, THREAD_NAME))
                : null;
        if (thread != null) {
            events.whenScheduled(at -> thread.execute(() -> events.advanceTo(at)));
        }
    }

    /** One hart, no memory, tasks as {@code tasks} says. */
    public static FakeMachine with(Tasks tasks) {
        return new FakeMachine(1, null, tasks);
    }

    /** The trap vector the kernel installed (null before boot). */
    public TrapVector trapVector() {
        return vector;
    }

    /** Moves the clock to {@code time}, firing the events due by then in order. */
    public void advanceTo(long time) {
        events.advanceTo(time);
    }

    /** Runs the queued tasks in order, those they submit too, until none is left (QUEUED); returns how many ran. */
    public int runTasks() {
        int n = 0;
        for (Runnable r = nextQueued(); r != null; r = nextQueued()) {
            r.run();
            n++;
        }
        return n;
    }

    /** Tasks submitted and not yet run (QUEUED). */
    public synchronized int queuedTasks() {
        return queued.size();
    }

    private synchronized Runnable nextQueued() {
        return queued.poll();
    }

    @Override
    public long now() {
        return events.now();
    }

    @Override
    public long frequencyHz() {
        return 1_000_000_000L;
    }

    @Override
    public int hartCount() {
        return harts.length;
    }

    @Override
    public FakeHart hart(int index) {
        return harts[index];
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    /** The queue; with OWN_THREAD, each event scheduled is fired on the simulation thread. */
    @Override
    public FakeEventQueue events() {
        return events;
    }

    @Override
    public void setTrapVector(TrapVector vector) {
        this.vector = vector;
    }

    @Override
    public void submit(Runnable task) {
        if (task == null) {
            throw new IllegalArgumentException("null task");
        }
        switch (tasks) {
            case AT_ONCE -> task.run();
            case QUEUED -> {
                synchronized (this) {
                    queued.add(task);
                }
            }
            case OWN_THREAD -> thread.execute(task);
        }
    }

    /** How many tasks were run through {@link #call}. */
    public synchronized int calls() {
        return calls;
    }

    /** Runs {@code task} on the simulation thread and answers its result (a failure is thrown as itself). */
    @Override
    public <T> T call(Callable<T> task) throws Exception {
        synchronized (this) {
            calls++;
        }
        if (tasks != Tasks.OWN_THREAD || onSimulationThread()) {
            return task.call();
        }
        Future<T> f = thread.submit(task);
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    @Override
    public boolean onSimulationThread() {
        return tasks != Tasks.OWN_THREAD || Thread.currentThread().getName().equals(THREAD_NAME);
    }

    @Override
    public MachineStatistics statistics() {
        return new MachineStatistics(now(), frequencyHz(), 0, 0, 0, Map.of(), new TlbStatistics(0, 0, 0, 0, 0),
                events.fired());
    }

    @Override
    public FakeTracer tracer() {
        return tracer;
    }

    /** Stops the simulation thread (OWN_THREAD); nothing else to release. */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
