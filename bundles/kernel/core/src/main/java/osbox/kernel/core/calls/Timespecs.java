package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * struct timespec from user memory and simulated time: what nanosleep,
 * clock_nanosleep, ppoll and pselect6 share. A timespec is two longs,
 * tv_sec and tv_nsec; it is valid (Linux's timespec64_valid) when tv_sec
 * &gt;= 0 and 0 &lt;= tv_nsec &lt; 10^9.
 */
final class Timespecs {
    static final long NANOS = 1_000_000_000L;
    /** Read failed: the pointer is bad (EFAULT). */
    static final long FAULT = -1;
    /** The timespec read is not valid (EINVAL). */
    static final long INVALID = -2;
    /** Realtime at power-on, in seconds since 1970: 2026-01-01T00:00:00Z, as the sysinfo bundle's clocks read it. */
    static final long REALTIME_EPOCH_SECONDS = 1_767_225_600L;

    private Timespecs() {
    }

    /**
     * The timespec at addr as nanoseconds (saturating at Long.MAX_VALUE), or
     * {@link #FAULT} or {@link #INVALID}.
     */
    static long readNanos(SyscallFrame c, long addr) {
        long[] v = new long[1];
        if (!c.memory().readLong(addr, v)) {
            return FAULT;
        }
        long sec = v[0];
        if (!c.memory().readLong(addr + 8, v)) {
            return FAULT;
        }
        long nsec = v[0];
        if (sec < 0 || nsec < 0 || nsec >= NANOS) {
            return INVALID;
        }
        return sec > (Long.MAX_VALUE - nsec) / NANOS ? Long.MAX_VALUE : sec * NANOS + nsec;
    }

    /** Cycles in ns nanoseconds at c's clock rate, at most Long.MAX_VALUE / 2 (so now + it cannot wrap). */
    static long cycles(SyscallFrame c, long ns) {
        long hz = c.frequencyHz();
        long whole = ns / NANOS;
        if (whole != 0 && Math.multiplyHigh(whole, hz) != 0 || whole * hz < 0) {
            return Long.MAX_VALUE / 2;
        }
        return Math.min(Long.MAX_VALUE / 2, whole * hz + ns % NANOS * hz / NANOS);
    }

    /** Nanoseconds in a number of cycles at c's clock rate. */
    static long nanos(SyscallFrame c, long cycles) {
        long hz = c.frequencyHz();
        return cycles / hz * NANOS + cycles % hz * NANOS / hz;
    }

    /**
     * A sleep run again after a stop (restart_syscall): until cycle
     * {@code deadline}, the first sleep's end; 0 at once when it is past.
     * A signal already deliverable (SIGCONT's handler, queued as the
     * process continued) cuts it with EINTR, as Linux runs the handler
     * instead of the restart (rem was written at the stop). Answers what
     * the sleep call answers (RESTART while it sleeps).
     */
    static long sleepUntil(SyscallFrame c, long deadline) {
        if (c.process().signals().deliverable()) {
            return -Errno.EINTR;
        }
        if (deadline <= c.now()) {
            return 0;
        }
        c.sleepUntil(deadline);
        return KernelSyscall.RESTART;
    }
}
