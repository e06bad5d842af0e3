package osbox.kernel.core.trap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.hw.Machine;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.SyscallHandler;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.proc.OomKiller;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.sched.Dispatcher;
import osbox.kernel.core.sched.KernelWaitQueue;
import osbox.kernel.core.strace.SyscallTracer;
import osbox.kernel.core.strace.Traced;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;
import osbox.kernel.core.syscall.SyscallTable;
import osbox.kernel.core.syscall.UnimplementedCalls;

/**
 * ecall (cause 8): looks a7 up in the system-call table, runs the call
 * with the hart's frame, and writes its answer back: a0 = result and pc
 * past the ecall, or nothing when the caller slept (the ecall runs again
 * when it is woken) or no longer runs this context. An unknown number
 * (traced with its Linux name, logged once per boot), or a call that throws
 * (logged and traced), answers -ENOSYS. A kill the OOM
 * killer left for the caller is carried out here, as the call returns.
 * For a traced process (strace), the call is shown to the tracer as it is
 * made, sleeps, and answers; untraced, that costs one field test.
 */
public final class SyscallTrap implements TrapTable.Handler {
    private static final Logger LOG = LoggerFactory.getLogger(SyscallTrap.class);

    private final Dispatcher<Process> dispatcher;
    private final SyscallTable table;
    private final SyscallFrame[] frames;
    private final OomKiller oom;
    private final Tracer tracer;
    private final TrapTable.Handler unexpected;
    private final UnimplementedCalls unimplemented = new UnimplementedCalls(LOG::warn);
    private long handlerFailures;
    private final SyscallTracer strace;
    /** By number: who waits for a handler to be bound (made on first use; looked up, never iterated). */
    private final java.util.TreeMap<Integer, KernelWaitQueue<Process>> awaitingHandler = new java.util.TreeMap<>();

    /**
     * Serves ecalls from the processes {@code dispatcher} runs, with the
     * calls in {@code table} and one frame per hart of {@code machine} made
     * over {@code parts}; {@code strace} prints the calls of traced processes;
     * {@code unexpected} takes an ecall with no process.
     */
    public SyscallTrap(Machine machine, Dispatcher<Process> dispatcher, SyscallTable table,
            SyscallFrame.Parts parts, OomKiller oom, SyscallTracer strace, TrapTable.Handler unexpected) {
        this.dispatcher = dispatcher;
        this.table = table;
        this.oom = oom;
        this.tracer = machine.tracer();
        this.unexpected = unexpected;
        this.strace = strace;
        this.frames = new SyscallFrame[machine.hartCount()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new SyscallFrame(parts);
        }
    }

    /** Serves the ecall the process running on {@code hart} made; pc is on the ecall. */
    @Override
    public void handle(Hart hart, int cause, long tval) {
        Process p = dispatcher.current(hart.id());
        if (p == null) {
            unexpected.handle(hart, cause, tval);
            return;
        }
        HartContext ctx = p.context();
        long number = ctx.x[HartContext.A7];
        p.countSyscall();
        table.count(number);
        Traced traced = p.traced(); // strace off: this test is all it costs
        if (traced != null) {
            strace.entering(traced, number, ctx.x, HartContext.A0, p.userMemory());
        }
        KernelSyscall call = table.lookup(number);
        long result;
        if (call == null && (table.held(number) || p.sched().woken())) {
            awaitHandler(hart, p, (int) number, traced);
            return;
        }
        if (call == null) {
            result = -Errno.ENOSYS;
            tracer.record(TraceKind.SYSCALL_UNKNOWN, hart.id(), p.tid(), number, result,
                    UnimplementedCalls.describe(number));
            unimplemented.answered(p.toString(), number);
        } else {
            SyscallFrame frame = frames[hart.id()];
            frame.begin(hart, p, (int) number);
            result = run(call, frame, hart, p, number);
            if (oom.killIfPending(p)) {
                if (traced != null) {
                    strace.answeredNothing(traced, p.tid());
                }
                return; // the OOM killer chose the caller while its call needed memory: it dies now, not its call
            }
            if (result == SyscallHandler.RESTART) {
                if (!frame.slept()) {
                    LOG.error("syscall {} returned RESTART without sleeping; answered EINTR",
                            table.name((int) number));
                    result = -Errno.EINTR;
                } else {
                    frame.signals().slept(p); // a signal already deliverable cuts the sleep short
                    if (traced != null) {
                        strace.slept(traced);
                    }
                    return;
                }
            }
            if (result == SyscallHandler.NO_RETURN) {
                if (traced != null) {
                    traceNoReturn(traced, p);
                }
                return;
            }
            tracer.record(TraceKind.SYSCALL, hart.id(), p.tid(), number, result);
        }
        if (traced != null) {
            strace.answered(traced, p.tid(), result, p.userMemory());
        }
        p.sched().restartServed();
        ctx.x[HartContext.A0] = result;
        ctx.pc += 4;
    }

    /**
     * A caller of a number with no handler that must not be answered
     * ENOSYS: the restart of a call that slept (it began under a handler
     * that left: its bundle is updated or restarted), or any call of a slot
     * held for a successor. It sleeps on the slot's queue, pc still on the
     * ecall, so the call runs again, from the start, when a handler is bound
     * ({@link #handlerArrived}); a signal ends the wait as it ends any sleep.
     */
    private void awaitHandler(Hart hart, Process p, int number, Traced traced) {
        KernelWaitQueue<Process> q = awaitingHandler.computeIfAbsent(number,
                n -> dispatcher.newWaitQueue("syscall " + table.name(n) + " handler"));
        SyscallFrame frame = frames[hart.id()];
        frame.begin(hart, p, number);
        tracer.record(TraceKind.NOTE, hart.id(), p.tid(), number, 0, "waits for a handler of " + table.name(number));
        frame.sleepOn(q);
        frame.signals().slept(p);
        if (traced != null) {
            strace.slept(traced);
        }
    }

    /** A handler for {@code number} was bound: the callers waiting for one run their call again. */
    public void handlerArrived(int number) {
        KernelWaitQueue<Process> q = awaitingHandler.get(number);
        if (q != null) {
            q.wakeAll();
        }
    }

    /**
     * Calls whose handler threw since boot (each a kernel bug, answered
     * -ENOSYS); the system-call fuzzer's tests expect 0. Simulation thread.
     */
    public long handlerFailures() {
        return handlerFailures;
    }

    // A call that set the registers itself (execve's new image, a signal return) shows the a0 it left;
    // one that ended its caller (exit_group) shows "?", as strace does.
    private void traceNoReturn(Traced traced, Process p) {
        if (p.state() == ProcessState.ZOMBIE) {
            strace.answeredNothing(traced, p.tid());
        } else {
            strace.answered(traced, p.tid(), p.context().x[HartContext.A0], p.userMemory());
        }
    }

    // Runs one call; a call that throws is a bug in it: logged, traced, answered -ENOSYS, never passed on.
    private long run(KernelSyscall call, SyscallFrame frame, Hart hart, Process p, long number) {
        try {
            return call.invoke(frame);
        } catch (RuntimeException e) {
            handlerFailures++;
            LOG.error("syscall {} handler failed for {}; answered ENOSYS", table.name((int) number), p, e);
            tracer.record(TraceKind.NOTE, hart.id(), p.tid(), number, 0, "syscall handler failed: " + e);
            return -Errno.ENOSYS;
        }
    }
}
