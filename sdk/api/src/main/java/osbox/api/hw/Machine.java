package osbox.api.hw;

import java.util.concurrent.Callable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The computer: harts, memory, devices, one deterministic clock counted in
 * cycles, an event queue, and the single simulation thread on which all of
 * them and the kernel run.
 *
 * <p>The simulation thread alternates between running harts and safe points.
 * At a safe point it fires due events, runs tasks submitted from outside,
 * and delivers pending interrupts. When no hart has work and no event is
 * due, it jumps the clock to the next event, or sleeps until a task comes.
 */
@ProviderType
public interface Machine {
    /** Current simulated time in cycles (all harts have reached it). */
    long now();

    /** Clock frequency, cycles per simulated second. */
    long frequencyHz();

    int hartCount();

    Hart hart(int index);

    PhysicalMemory memory();

    EventQueue events();

    /** Installs the trap vector (the kernel's trap table entry point); null removes it. */
    void setTrapVector(TrapVector vector);

    /** Runs {@code task} on the simulation thread at the next safe point. Any thread. */
    void submit(Runnable task);

    /**
     * Runs {@code task} at the next safe point and waits for its result.
     * Any thread; on the simulation thread it runs at once.
     */
    <T> T call(Callable<T> task) throws Exception;

    boolean onSimulationThread();

    /** A snapshot of the machine's counters. */
    MachineStatistics statistics();

    /** The trace shared by hardware and kernel. */
    osbox.api.trace.Tracer tracer();

    /**
     * Bounds the run (a front end's --max-instructions and --max-time): the
     * machine halts instead of letting the harts together retire more than
     * {@code maxInstructions} instructions (their summed instret), or instead
     * of letting the clock pass {@code maxCycle}; {@code Long.MAX_VALUE}
     * leaves that bound off. Halted, it runs no hart and fires no event, only
     * submitted tasks (a front end can still read counters and flush the
     * console), and it calls {@code onHalt} once, on the simulation thread.
     * It halts only while something is left to happen (a hart with work, a
     * pending event): a program that ends within its bounds is never
     * stopped. With one hart the stop is exact: at {@code maxInstructions}
     * retired, or at cycle {@code maxCycle}; with H harts they may retire
     * up to H-1 instructions more. A later call replaces the bounds and lets
     * a halted machine run again. Simulation thread only.
     *
     * @since 1.3
     */
    default void setRunLimit(long maxInstructions, long maxCycle, Runnable onHalt) {
        throw new UnsupportedOperationException("this machine cannot bound a run");
    }

    /**
     * Sets how the idle clock advances: null (the default) jumps straight to
     * the next event; a pacer may hold it to host time (see
     * {@link IdlePacer}). Any thread; it takes effect at the next idle turn.
     *
     * @since 1.4
     */
    default void setIdlePacer(IdlePacer pacer) {
        throw new UnsupportedOperationException("this machine cannot pace its idle clock");
    }
}
