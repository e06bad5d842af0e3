package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.WaitQueue;
import osbox.kernel.core.proc.PollWait;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.sched.KernelWaitQueue;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * What ppoll and pselect6 share (Linux's fs/select.c): the timeout and its
 * deadline across the restart, the signal mask argument, asking a file its
 * readiness while watching its queues, the sleep, and the remaining time
 * written back.
 */
final class PollScan {
    /** How a poll call begins: its poll sleep, the deadline (negative: the errno), whether this run is a restart. */
    record Start(PollWait sleep, long deadline, boolean restart) {
    }

    /** A poll call's own work, run between putting its signal mask in place and taking it away. */
    interface Body {
        long run(SyscallFrame c, Start start);
    }

    private PollScan() {
    }

    /**
     * The opening ppoll and pselect6 share, then the call's body: the poll
     * sleep ({@link #fresh}) and the deadline from the timespec at tsp
     * ({@link #deadline}: EFAULT, EINVAL before anything else), then body;
     * when the call returns (anything but RESTART) the signal mask the body
     * replaced ({@link #sigmask}) comes back.
     */
    static long run(SyscallFrame c, long tsp, Body body) {
        boolean restart = c.woken();
        PollWait w = fresh(c);
        long deadline = deadline(c, w, tsp);
        long r = deadline < 0 ? deadline : body.run(c, new Start(w, deadline, restart));
        if (r != KernelSyscall.RESTART) {
            endSigmask(c);
        }
        return r;
    }

    /** The caller's poll sleep, made on its first poll; its watches of an earlier scan dropped. */
    static PollWait fresh(SyscallFrame c) {
        Process p = c.process();
        if (p.pollWait() == null) {
            p.setPollWait(new PollWait(c.dispatcher().newWaitQueue("poll of pid " + p.pid())));
        }
        p.pollWait().unwatchAll();
        return p.pollWait();
    }

    /**
     * The cycle a poll with the timespec at tsp ends at (Long.MAX_VALUE for
     * tsp 0: no timeout), or a negative errno (EFAULT, EINVAL). On a restart
     * (the caller woke from the poll's sleep) the deadline the first call
     * computed.
     */
    static long deadline(SyscallFrame c, PollWait w, long tsp) {
        if (c.woken()) {
            return w.deadline();
        }
        if (tsp == 0) {
            return Long.MAX_VALUE;
        }
        long ns = Timespecs.readNanos(c, tsp);
        if (ns < 0) {
            return ns == Timespecs.FAULT ? -Errno.EFAULT : -Errno.EINVAL;
        }
        return c.now() + Timespecs.cycles(c, ns);
    }

    /**
     * The signal mask argument (sigmask, sigsetsize): none when the pointer
     * is 0; else EINVAL unless sigsetsize is 8, EFAULT when it cannot be
     * read. A readable mask replaces the blocked signals for the duration
     * of the call, as Linux's set_user_sigmask: the first run of the call
     * puts it in place (restarts keep it), {@link #endSigmask} puts the old
     * mask back when the call returns, and a handler that interrupts the
     * call (EINTR) gets the old mask in its frame instead, restored when it
     * returns. Returns 0 or the negative errno.
     */
    static long sigmask(SyscallFrame c, long sigmask, long sigsetsize) {
        return c.replaceSigmask(sigmask, sigsetsize);
    }

    /** The call returns (anything but RESTART): the mask {@link #sigmask} replaced comes back. */
    static void endSigmask(SyscallFrame c) {
        c.restoreSigmask();
    }

    /** The file's readiness now; when {@code w} is not null, its queues are watched through w. */
    static int readiness(SyscallFrame c, OpenFile f, PollWait w) {
        if (w == null) {
            return f.poll(null);
        }
        return f.poll(q -> watch(c, w, q));
    }

    // Watches a file's queue if this kernel made it; a queue from elsewhere cannot be watched, so only
    // the timeout (or another file) ends the sleep for that file.
    private static void watch(SyscallFrame c, PollWait w, WaitQueue q) {
        KernelWaitQueue<Process> mine = c.dispatcher().own(q);
        if (mine != null) {
            w.watch(mine);
        }
    }

    /** Whether a poll with nothing ready ends now rather than sleeping (its deadline has come). */
    static boolean timedOut(SyscallFrame c, long deadline) {
        return deadline != Long.MAX_VALUE && now(c) >= deadline;
    }

    // The later of the caller's hart clock and the kernel's: the timer that woke a poller may have fired
    // at a time its new hart's clock has not reached yet.
    private static long now(SyscallFrame c) {
        return Math.max(c.now(), c.dispatcher().now());
    }

    /** Puts the caller to sleep on its poll queue until deadline (the files it watches may wake it first). */
    static long sleep(SyscallFrame c, PollWait w, long deadline) {
        w.setDeadline(deadline);
        c.sleepOnUntil(w.queue(), deadline);
        return KernelSyscall.RESTART;
    }

    /**
     * Linux's poll_select_finish: writes the time left before deadline back
     * to the timespec at tsp (0 when past), unless there was no timeout or it
     * was zero; a failed write is ignored, as Linux ignores it.
     */
    static void writeRemaining(SyscallFrame c, long tsp, long deadline, boolean zeroTimeout) {
        if (tsp == 0 || deadline == Long.MAX_VALUE || zeroTimeout) {
            return;
        }
        long left = Timespecs.nanos(c, Math.max(0, deadline - now(c)));
        if (c.memory().writeLong(tsp, left / Timespecs.NANOS)) {
            c.memory().writeLong(tsp + 8, left % Timespecs.NANOS);
        }
    }
}
