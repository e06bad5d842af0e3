package osbox.kernel.core.proc;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.Signals;
import osbox.kernel.core.sched.KernelWaitQueue;

/**
 * A process's signal state, data only (the logic is {@link SignalDelivery}'s):
 * the disposition of each signal (handler, sa_flags, sa_mask), the blocked
 * mask, two pending sets with each pending signal's siginfo (standard
 * signals 1..31 collapse to one; realtime 32..64 queue): the thread's own
 * and its process's (Linux's shared_pending: a signal sent to the process
 * while every thread blocks it, taken by the first thread that unblocks
 * it), the alternate stack, and the job-control reports wait4 gives the
 * parent. Signal sets are Linux's 64-bit sigset_t: signal n is bit n-1.
 *
 * <p>{@link #deliverable} is kept equal to "a pending signal, the thread's
 * or the process's, is not blocked" (for every thread of the process when
 * the process's set changes), so the check at every return to user mode is
 * one field test.
 * Simulation thread only.
 */
public final class SignalState {
    /** sa_handler values. */
    public static final long SIG_DFL = 0, SIG_IGN = 1;
    /** sa_flags (Linux generic values; riscv has no SA_RESTORER). */
    public static final long SA_NOCLDSTOP = 1, SA_NOCLDWAIT = 2, SA_SIGINFO = 4, SA_ONSTACK = 0x0800_0000L,
            SA_RESTART = 0x1000_0000L, SA_NODEFER = 0x4000_0000L, SA_RESETHAND = 0x8000_0000L;
    /** ss_flags. */
    public static final int SS_ONSTACK = 1, SS_DISABLE = 2;
    /** Signals no mask may block (SIGKILL, SIGSTOP). */
    public static final long UNBLOCKABLE = bit(Signals.SIGKILL) | bit(Signals.SIGSTOP);

    /**
     * What the threads of one process share (Linux's sighand_struct and the
     * job-control part of signal_struct): the dispositions, whether the
     * process is stopped and the reports wait4 has not given yet, and
     * whether the sigreturn trampoline is mapped in its address space.
     */
    public static final class Shared {
        // dispositions: rt_sigaction; fork copies them, execve resets handlers (not SIG_IGN)
        final long[] handler = new long[65];
        final long[] flags = new long[65];
        final long[] actionMask = new long[65];
        // job control: stopped by a signal, and the reports wait4 (WUNTRACED, WCONTINUED) has not given yet
        boolean stopped;
        int stopReport;
        boolean continuedReport;
        // the sigreturn trampoline page is mapped in the current image
        boolean trampolineMapped;
        // signals sent to the process that every thread blocked, and the threads' states (to recompute
        // whether each has a deliverable signal when the set changes; a thread leaves when it ends)
        final SignalQueue queue = new SignalQueue();
        final List<SignalState> members = new ArrayList<>();
        // ITIMER_REAL (IntervalTimers), per process: not inherited at fork, kept at execve
        long realInterval;
        long realDeadline;
        long realEvent;
    }

    /** The part every thread of the process shares (its own for a process of one thread). */
    final Shared shared;
    private final long[] handler;
    private final long[] flags;
    private final long[] actionMask;

    /** A thread's signal state in a new process: its own shared part. */
    public SignalState() {
        this(new Shared());
    }

    /** A thread's signal state sharing {@code shared} with the other threads of its process. */
    SignalState(Shared shared) {
        this.shared = shared;
        this.handler = shared.handler;
        this.flags = shared.flags;
        this.actionMask = shared.actionMask;
        shared.members.add(this);
    }

    // ---- blocked and pending ----
    private long blocked;
    private final SignalQueue own = new SignalQueue();
    private boolean deliverable;

    // ---- the alternate stack (sigaltstack): fork copies it, execve removes it ----
    long altSp;
    long altSize;
    int altFlags;

    // ---- sleeping on signals: rt_sigsuspend's saved mask (restored after its handler's frame is built),
    // rt_sigtimedwait's set, the queue both sleep on, and whether a signal cut a sleeping call short ----
    long savedMask;
    boolean restoreSavedMask;
    long waitSet;
    KernelWaitQueue<Process> signalWait;
    boolean interrupted;
    /**
     * Linux's restart_block for nanosleep and clock_nanosleep: the cycle a
     * sleep cut by a stop was to end, so that the call run again after
     * SIGCONT sleeps only what is left (restart_syscall); 0 for none.
     */
    long restartDeadline;

    // ---- ITIMER_VIRTUAL and ITIMER_PROF (IntervalTimers), by which: expiry in CPU cycles used (0 disarmed)
    // and interval in cycles; not inherited at fork, kept at execve ----
    final long[] cpuExpires = new long[3];
    final long[] cpuInterval = new long[3];

    /**
     * The deadline of a nanosleep or clock_nanosleep cut by a stop, for the
     * call to run again until then; 0 when there is none. Cleared by the
     * reading: the next call sleeps afresh.
     */
    public long takeRestartDeadline() {
        long at = restartDeadline;
        restartDeadline = 0;
        return at;
    }

    /** The set bit of signal sig. */
    public static long bit(int sig) {
        return 1L << (sig - 1);
    }

    /** Whether a pending signal is not blocked: the one test at every return to user mode. */
    public boolean deliverable() {
        return deliverable;
    }

    /** The blocked mask. */
    public long blocked() {
        return blocked;
    }

    /** Sets the blocked mask (SIGKILL and SIGSTOP are never blocked). */
    public void setBlocked(long mask) {
        blocked = mask & ~UNBLOCKABLE;
        recompute();
    }

    /** The pending set as this thread sees it: its own signals and its process's. */
    public long pending() {
        return own.pending() | shared.queue.pending();
    }

    /** The thread's own pending set (thread-directed signals, and those a process's signal was given to). */
    public long ownPending() {
        return own.pending();
    }

    /** The process's pending set: signals sent to it while every thread blocked them. */
    public long processPending() {
        return shared.queue.pending();
    }

    /** sig's handler: SIG_DFL, SIG_IGN or an address. */
    public long handler(int sig) {
        return handler[sig];
    }

    /** sig's sa_flags. */
    public long flags(int sig) {
        return flags[sig];
    }

    /** sig's sa_mask. */
    public long actionMask(int sig) {
        return actionMask[sig];
    }

    /** rt_sigaction: sets sig's disposition (the mask without SIGKILL and SIGSTOP). */
    public void setAction(int sig, long h, long f, long mask) {
        handler[sig] = h;
        flags[sig] = f;
        actionMask[sig] = mask & ~UNBLOCKABLE;
    }

    /** Whether sig is pending for this thread (its own or its process's). */
    public boolean isPending(int sig) {
        return (pending() & bit(sig)) != 0;
    }

    /** Queues a signal on the thread: a standard one already pending is dropped (Linux's legacy_queue). */
    public void enqueue(SigInfo info) {
        own.enqueue(info);
        recompute();
    }

    /** Queues a signal on the process (every thread blocks it): the first thread to unblock it takes it. */
    public void enqueueShared(SigInfo info) {
        shared.queue.enqueue(info);
        recomputeAll();
    }

    /**
     * Takes the oldest instance of pending signal sig off the queue, the
     * thread's own before the process's (Linux's dequeue_signal); null when
     * it is not pending.
     */
    public SigInfo dequeue(int sig) {
        SigInfo info = own.dequeue(sig);
        if (info != null) {
            recompute();
            return info;
        }
        info = shared.queue.dequeue(sig);
        if (info != null) {
            recomputeAll();
        }
        return info;
    }

    /** Drops every pending instance of the signals in set, the thread's and the process's (SIG_IGN set, ...). */
    public void discard(long set) {
        own.discard(set);
        if ((shared.queue.pending() & set) != 0) {
            shared.queue.discard(set);
            recomputeAll();
        }
        recompute();
    }

    /** The thread ended: the process's signals no longer concern it. */
    public void leave() {
        shared.members.remove(this);
    }

    private void recompute() {
        deliverable = (pending() & ~blocked) != 0;
    }

    // The process's set changed: every thread's view of it.
    private void recomputeAll() {
        for (SignalState s : shared.members) {
            s.recompute();
        }
    }

    /** Whether sp lies on the alternate stack (Linux's on_sig_stack: it grows down from altSp + altSize). */
    public boolean onAltStack(long sp) {
        return altSize != 0 && Long.compareUnsigned(sp, altSp) > 0 && Long.compareUnsigned(sp - altSp, altSize) <= 0;
    }

    /** sas_ss_flags(sp): SS_DISABLE without an alternate stack, SS_ONSTACK on it, 0 otherwise. */
    public int altStackFlags(long sp) {
        return altSize == 0 ? SS_DISABLE : onAltStack(sp) ? SS_ONSTACK : 0;
    }

    /** rt_sigsuspend: blocks exactly mask until a handler runs; the mask now comes back after it. */
    public void suspend(long mask) {
        savedMask = blocked;
        restoreSavedMask = true;
        setBlocked(mask);
    }

    /**
     * ppoll's and pselect6's return without a handler: the mask that
     * {@link #suspend} replaced comes back now (nothing when none is in place).
     */
    public void endSuspend() {
        if (restoreSavedMask) {
            restoreSavedMask = false;
            setBlocked(savedMask);
        }
    }

    /** Whether rt_sigsuspend's mask is in place (its old mask not yet restored). */
    public boolean suspended() {
        return restoreSavedMask;
    }

    /** The signals rt_sigtimedwait waits for (0: it does not wait). */
    public long waitSet() {
        return waitSet;
    }

    /** rt_sigtimedwait: the signals it waits for, 0 when done. */
    public void setWaitSet(long set) {
        waitSet = set;
    }

    /** The alternate stack's base, size and flags as sigaltstack set them (size 0: none). */
    public long altSp() {
        return altSp;
    }

    public long altSize() {
        return altSize;
    }

    public int altFlags() {
        return altFlags;
    }

    /** Whether it is stopped (SIGSTOP and the terminal stops) and not continued yet. */
    public boolean stopped() {
        return shared.stopped;
    }

    /**
     * fork: the child's state: the parent's dispositions, mask and
     * alternate stack; nothing pending, not stopped.
     */
    public SignalState forkCopy() {
        SignalState c = new SignalState();
        System.arraycopy(handler, 0, c.handler, 0, handler.length);
        System.arraycopy(flags, 0, c.flags, 0, flags.length);
        System.arraycopy(actionMask, 0, c.actionMask, 0, actionMask.length);
        c.blocked = blocked;
        c.altSp = altSp;
        c.altSize = altSize;
        c.altFlags = altFlags;
        c.shared.trampolineMapped = shared.trampolineMapped;     // the child's memory is a copy, the page with it
        return c;
    }

    /**
     * clone with CLONE_THREAD: the new thread's state: the creator's
     * dispositions (shared, not copied) and blocked mask; nothing pending,
     * no alternate stack (Linux clears it for CLONE_VM).
     */
    public SignalState threadCopy() {
        SignalState c = new SignalState(shared);
        c.blocked = blocked;
        return c;
    }

    /** The part this thread shares with the others of its process. */
    public Shared shared() {
        return shared;
    }

    /**
     * execve: handlers go back to SIG_DFL (SIG_IGN stays), flags and masks
     * are cleared, the alternate stack is removed; the blocked mask and
     * pending signals stay (Linux's flush_signal_handlers).
     */
    public void execReset() {
        for (int sig = 1; sig <= 64; sig++) {
            if (handler[sig] != SIG_IGN) {
                handler[sig] = SIG_DFL;
            }
            flags[sig] = 0;
            actionMask[sig] = 0;
        }
        altSp = 0;
        altSize = 0;
        altFlags = 0;
        shared.trampolineMapped = false;
    }
}
