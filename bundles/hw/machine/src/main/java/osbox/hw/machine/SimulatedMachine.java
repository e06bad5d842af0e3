package osbox.hw.machine;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Cpu;
import osbox.api.hw.EventQueue;
import osbox.api.hw.Hart;
import osbox.api.hw.IdlePacer;
import osbox.api.hw.InterruptController;
import osbox.api.hw.Machine;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TrapCause;
import osbox.api.hw.TrapVector;
import osbox.api.trace.Tracer;

/**
 * The computer and its simulation thread. One loop, one thread:
 * <pre>
 *   safe point: run one submitted task, fire due events, deliver interrupts
 *   if some hart has work: run every hart up to min(next event, now + slice),
 *                          sending each trap to the trap vector
 *   else if an event is pending: jump the clock to it
 *   else: sleep until a task is submitted
 * </pre>
 * Harts run one after another inside a window, so the interleaving depends
 * only on the simulated clock: the same inputs give the same trace.
 *
 * <p>A run limit ({@link #setRunLimit}) bounds the instructions retired and
 * the clock: a window never runs a hart past what is left of either (each
 * instruction costs at least one cycle, so a hart given N cycles retires at
 * most N instructions), and when a bound is reached while something is left
 * to happen, the machine halts: from then on a turn of the loop only runs
 * submitted tasks.
 */
public final class SimulatedMachine implements Machine {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedMachine.class);

    /** Settings fixed at power-on. */
    public record Settings(int harts, long frequencyHz, long sliceCycles, long trapCycles, int traceCapacity) {
        public Settings {
            if (harts < 1 || harts > 64) {
                throw new IllegalArgumentException("harts must be 1..64: " + harts);
            }
            if (frequencyHz < 1) {
                throw new IllegalArgumentException("frequency must be positive: " + frequencyHz);
            }
            if (sliceCycles < 1) {
                throw new IllegalArgumentException("slice must be at least one cycle: " + sliceCycles);
            }
            if (trapCycles < 0) {
                throw new IllegalArgumentException("trap cost must be >= 0: " + trapCycles);
            }
        }

        /** One hart at 1 GHz, 100k-cycle slices, 100 cycles per trap, 100k trace events kept. */
        public static Settings defaults() {
            return new Settings(1, 1_000_000_000L, 100_000, 100, 100_000);
        }
    }

    private final Settings settings;
    private final PhysicalMemory memory;
    private final InterruptController intc;
    private final Hart[] harts;
    private final TimedEventQueue events;
    private final TraceLog trace;
    private final long[] trapCounts = new long[TrapCause.EXCEPTION_COUNT + 2];

    /** Heap kept free for handling a failure of the simulation thread when the host is out of memory. */
    private static final int HOST_RESERVE_BYTES = 256 << 10;
    private byte[] hostReserve = new byte[HOST_RESERVE_BYTES];

    private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
    private volatile TrapVector trapVector;
    private volatile Thread thread;
    private volatile boolean stopping;
    private long now;
    /** End of the window harts are running in. */
    private long windowEnd;
    /** The time events are stamped with: the window start, or the trapping hart's own clock. */
    private long eventClock;
    /** The run limit: the harts' summed instret and the clock not to pass (MAX_VALUE: none). */
    private long instructionLimit = Long.MAX_VALUE;
    private long cycleLimit = Long.MAX_VALUE;
    /** Called once when a limit halts the machine. */
    private Runnable onHalt;
    // How the idle clock advances; null: straight to the next event.
    private volatile IdlePacer idlePacer;
    /** Set when a limit was reached: no hart runs and no event fires any more. */
    private boolean halted;

    /** Builds the machine from its parts; call {@link #start()} to power it on. */
    public SimulatedMachine(Settings settings, PhysicalMemory memory, Cpu cpu, Mmu mmu, InterruptController intc) {
        this.settings = settings;
        this.memory = memory;
        this.intc = intc;
        this.harts = new Hart[settings.harts()];
        for (int i = 0; i < harts.length; i++) {
            harts[i] = cpu.createHart(i, mmu.createUnit(i, memory), memory);
        }
        this.events = new TimedEventQueue(() -> now);
        this.trace = new TraceLog(settings.traceCapacity(), () -> eventClock);
        // resolved now: with the heap full, even resolving a class reference can fail
        outOfHostMemory(new IllegalStateException());
    }

    /** Starts the simulation thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("machine already started");
        }
        stopping = false;
        Thread t = new Thread(this::loop, "osbox-sim");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops the simulation thread at its next safe point and waits for it. */
    public void stop() {
        Thread t = thread;
        if (t == null) {
            return;
        }
        synchronized (inbox) {
            stopping = true;
            inbox.notifyAll();
        }
        if (Thread.currentThread() != t) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    // The simulation loop (see the class comment). A failure of the host
    // itself (out of memory, however wrapped) goes to the JVM's default
    // uncaught-exception handler (the launcher's ends osbox with one line;
    // called directly, because the thread group of whoever started the
    // machine may keep it from there) and ends the thread; anything else is
    // logged.
    private void loop() {
        while (!stopping) {
            try {
                step();
            } catch (RuntimeException | Error e) {
                hostReserve = null; // room to handle it however full the heap is
                if (outOfHostMemory(e)) {
                    Thread.UncaughtExceptionHandler host = Thread.getDefaultUncaughtExceptionHandler();
                    if (host != null) {
                        host.uncaughtException(Thread.currentThread(), e);
                    }
                    throw e;
                }
                LOG.error("simulation step failed; the machine keeps running", e);
                hostReserve = new byte[HOST_RESERVE_BYTES];
            }
        }
    }

    // Whether the failure is, or was caused by, an OutOfMemoryError.
    private static boolean outOfHostMemory(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * One turn of the loop. Returns false when it would sleep for lack of
     * work. Package-visible so tests can drive the machine without a thread.
     */
    boolean step() {
        if (halted) {
            return runTaskOrWait();
        }
        safePoint();
        boolean busy = false;
        for (Hart h : harts) {
            busy |= h.context() != null;
        }
        long next = events.nextTime();
        if (limitReached(busy, next)) {
            halt();
            return true;
        }
        if (busy) {
            windowEnd = Math.min(Math.min(next, now + settings.sliceCycles()), limitedWindowEnd());
            for (Hart h : harts) {
                runHart(h);
            }
            now = Math.max(now, windowEnd);
            eventClock = now;
            return true;
        }
        if (next != Long.MAX_VALUE) {
            long to = idleUntil(next);
            for (Hart h : harts) {
                h.run(to);
            }
            now = to;
            eventClock = now;
            return true;
        }
        return waitForTask();
    }

    // Where an idle clock moves to on its way to the next event: the event
    // itself, or with a pacer set the cycle it answers (clamped to
    // [now, next]; earlier when a task came first, which the next turn's
    // safe point runs).
    private long idleUntil(long next) {
        IdlePacer pacer = idlePacer;
        if (pacer == null) {
            return next;
        }
        long to = pacer.idle(now, next, settings.frequencyHz(), this::awaitTask);
        return Math.max(now, Math.min(next, to));
    }

    // An idle pacer's wait: up to nanos host nanoseconds, true as soon as a
    // task is waiting (or the machine is stopping).
    private boolean awaitTask(long nanos) {
        synchronized (inbox) {
            long millis = nanos / 1_000_000;
            int rest = (int) (nanos % 1_000_000);
            if (inbox.isEmpty() && !stopping && nanos > 0) {
                try {
                    inbox.wait(millis, rest);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
            return !inbox.isEmpty() || stopping;
        }
    }

    @Override
    public void setIdlePacer(IdlePacer pacer) {
        this.idlePacer = pacer;
    }

    // Whether the run limit stops the machine before this turn: only while
    // something is left to happen (a hart with work, or an event to jump to).
    // An idle machine whose next event lies past the clock limit moves its
    // clock (and its idle harts') to the limit first, as a jump would have.
    private boolean limitReached(boolean busy, long next) {
        if (!busy && next == Long.MAX_VALUE) {
            return false;
        }
        if (busy && retired() >= instructionLimit) {
            return true;
        }
        if (now >= cycleLimit) {
            return true;
        }
        if (!busy && next > cycleLimit) {
            for (Hart h : harts) {
                h.run(cycleLimit);
            }
            now = cycleLimit;
            eventClock = now;
            return true;
        }
        return false;
    }

    // The latest window end the run limit allows: the clock limit, and as
    // many cycles per hart as instructions are left shared among the harts
    // (at least one; an instruction costs at least one cycle).
    private long limitedWindowEnd() {
        long end = cycleLimit;
        if (instructionLimit != Long.MAX_VALUE) {
            long perHart = Math.max(1, (instructionLimit - retired()) / harts.length);
            end = Math.min(end, now + Math.min(perHart, settings.sliceCycles()));
        }
        return end;
    }

    // Instructions retired by every hart together.
    private long retired() {
        long sum = 0;
        for (Hart h : harts) {
            sum += h.instret();
        }
        return sum;
    }

    // Stops running harts and firing events; tells whoever set the limit.
    private void halt() {
        halted = true;
        Runnable callback = onHalt;
        onHalt = null;
        LOG.debug("run limit reached at cycle {} after {} instructions; machine halted", now, retired());
        if (callback != null) {
            callback.run();
        }
    }

    // A halted machine's turn: one submitted task, or sleep until one comes;
    // false if stopping.
    private boolean runTaskOrWait() {
        Runnable task = pollTask();
        if (task != null) {
            task.run();
            return true;
        }
        return waitForTask();
    }

    // Runs one hart up to the window's end, sending its traps to the trap vector.
    // A trap handler may schedule an event inside the window (a short sleep, a
    // new quantum): the window then ends there, for this hart and the ones after.
    private void runHart(Hart h) {
        while (h.cycle() < windowEnd) {
            int cause = h.run(windowEnd);
            if (cause == TrapCause.NONE) {
                break;
            }
            deliver(h, cause, h.trapValue());
            h.addCycles(settings.trapCycles());
            windowEnd = Math.min(windowEnd, Math.max(events.nextTime(), now + 1));
        }
    }

    // Counts a trap and hands it to the kernel, stamping events with the hart's time.
    private void deliver(Hart h, int cause, long tval) {
        int slot = TrapCause.isInterrupt(cause)
                ? (cause == TrapCause.TIMER_INTERRUPT ? TrapCause.EXCEPTION_COUNT : TrapCause.EXCEPTION_COUNT + 1)
                : cause;
        trapCounts[slot]++;
        TrapVector v = trapVector;
        eventClock = h.cycle();
        if (v == null) {
            // No kernel: nothing can handle the trap; park the hart.
            LOG.warn("trap {} on hart {} with no kernel installed; hart idled", TrapCause.name(cause), h.id());
            h.setContext(null);
            return;
        }
        v.trap(h, cause, tval);
    }

    // Safe point: one task from outside, due events, pending interrupts. One
    // task at a time, so what a task causes (an interrupt, say) happens before
    // the next task runs, however the host thread batched their submission.
    private void safePoint() {
        eventClock = now;
        Runnable task = pollTask();
        if (task != null) {
            task.run();
        }
        events.fireUntil(now);
        for (Hart h : harts) {
            int cause = intc.pendingFor(h.id());
            if (cause != TrapCause.NONE && trapVector != null) {
                deliver(h, cause, 0);
            }
        }
    }

    private Runnable pollTask() {
        synchronized (inbox) {
            return inbox.poll();
        }
    }

    // Sleeps until a task arrives or the machine stops; false if stopping.
    private boolean waitForTask() {
        synchronized (inbox) {
            while (inbox.isEmpty() && !stopping) {
                try {
                    inbox.wait();
                } catch (InterruptedException e) {
                    return false;
                }
            }
            return !stopping;
        }
    }

    @Override
    public void submit(Runnable task) {
        if (task == null) {
            throw new IllegalArgumentException("null task");
        }
        synchronized (inbox) {
            inbox.add(task);
            inbox.notifyAll();
        }
    }

    @Override
    public <T> T call(Callable<T> task) throws Exception {
        if (onSimulationThread() || thread == null) {
            return task.call();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        submit(() -> {
            try {
                f.complete(task.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Exception) {
                throw (Exception) c;
            }
            throw (Error) c;
        }
    }

    @Override
    public boolean onSimulationThread() {
        return Thread.currentThread() == thread;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long frequencyHz() {
        return settings.frequencyHz();
    }

    @Override
    public int hartCount() {
        return harts.length;
    }

    @Override
    public Hart hart(int index) {
        return harts[index];
    }

    @Override
    public PhysicalMemory memory() {
        return memory;
    }

    @Override
    public EventQueue events() {
        return events;
    }

    @Override
    public void setTrapVector(TrapVector vector) {
        this.trapVector = vector;
    }

    @Override
    public Tracer tracer() {
        return trace;
    }

    @Override
    public MachineStatistics statistics() {
        long instret = 0;
        long idle = 0;
        long busy = 0;
        TlbStatistics tlb = new TlbStatistics(0, 0, 0, 0, 0);
        for (Hart h : harts) {
            instret += h.instret();
            idle += h.idleCycles();
            busy += h.cycle() - h.idleCycles();
            tlb = tlb.plus(h.mmu().statistics());
        }
        Map<String, Long> traps = new LinkedHashMap<>();
        for (int i = 0; i < trapCounts.length; i++) {
            if (trapCounts[i] != 0) {
                int cause = i < TrapCause.EXCEPTION_COUNT ? i
                        : (i == TrapCause.EXCEPTION_COUNT ? TrapCause.TIMER_INTERRUPT : TrapCause.EXTERNAL_INTERRUPT);
                traps.put(TrapCause.key(cause), trapCounts[i]);
            }
        }
        return new MachineStatistics(now, settings.frequencyHz(), instret, busy, idle, traps, tlb, events.fired());
    }

    /**
     * {@inheritDoc} The bounds are absolute: the harts' summed instret and
     * the clock value, as {@link #statistics()} and {@link #now()} give them.
     */
    @Override
    public void setRunLimit(long maxInstructions, long maxCycle, Runnable onHalt) {
        if (maxInstructions < 0 || maxCycle < 0) {
            throw new IllegalArgumentException("run limits must be >= 0: " + maxInstructions + ", " + maxCycle);
        }
        this.instructionLimit = maxInstructions;
        this.cycleLimit = maxCycle;
        this.onHalt = onHalt;
        this.halted = false;
    }

    /** The settings this machine was built with. */
    public Settings settings() {
        return settings;
    }
}
