package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * clock_nanosleep(clock, flags, request, remain), on nanosleep's sleep of
 * simulated time: CLOCK_REALTIME, CLOCK_MONOTONIC and CLOCK_BOOTTIME (one
 * clock here: no suspend); with TIMER_ABSTIME the request is a time on that
 * clock, and one already past returns at once. As Linux: an unknown clock
 * (and the thread CPU clock) answers EINVAL, a clock that cannot sleep
 * (the raw and coarse ones) EOPNOTSUPP, then a bad request EFAULT or
 * EINVAL. The process CPU-time clock answers EINVAL here (a sleeping
 * process's CPU time does not advance, so Linux's sleep on it ends only
 * with a signal). Run again after a stop and SIGCONT, it sleeps only
 * until the first sleep's end (Linux's restart_syscall).
 */
public final class ClockNanosleepCall implements KernelSyscall {
    static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7, CLOCK_REALTIME_ALARM = 8, CLOCK_BOOTTIME_ALARM = 9,
            CLOCK_TAI = 11;
    static final long TIMER_ABSTIME = 1;
    /** Linux's EOPNOTSUPP (not in the API's Errno). */
    static final int EOPNOTSUPP = 95;

    @Override
    public long invoke(SyscallFrame c) {
        if (c.woken()) {
            return 0;
        }
        long restart = c.process().signals().takeRestartDeadline();
        if (restart != 0) {
            return Timespecs.sleepUntil(c, restart);
        }
        int clock = (int) c.arg(0);
        long epoch;
        switch (clock) {
            case CLOCK_REALTIME:
                epoch = Timespecs.REALTIME_EPOCH_SECONDS * Timespecs.NANOS;
                break;
            case CLOCK_MONOTONIC:
            case CLOCK_BOOTTIME:
                epoch = 0;
                break;
            case CLOCK_MONOTONIC_RAW:
            case CLOCK_REALTIME_COARSE:
            case CLOCK_MONOTONIC_COARSE:
                return -EOPNOTSUPP;
            default:
                return -Errno.EINVAL;
        }
        long ns = Timespecs.readNanos(c, c.arg(2));
        if (ns < 0) {
            return ns == Timespecs.FAULT ? -Errno.EFAULT : -Errno.EINVAL;
        }
        long now = c.now();
        if ((c.arg(1) & TIMER_ABSTIME) != 0) {
            long clockNow = epoch + Timespecs.nanos(c, now);
            if (ns <= clockNow) {
                return 0;
            }
            ns -= clockNow;
        }
        c.sleepUntil(now + Timespecs.cycles(c, ns));
        return RESTART;
    }
}
