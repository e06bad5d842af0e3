package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.IntervalTimers;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * setitimer(which, new, old): ITIMER_REAL in simulated time (SIGALRM when
 * it expires, then every it_interval), ITIMER_VIRTUAL and ITIMER_PROF in
 * the caller's CPU time (SIGVTALRM, SIGPROF; see {@link IntervalTimers});
 * a null new disarms the timer. The old value goes to old. struct
 * itimerval is {it_interval, it_value}, two timevals: four longs. Linux's
 * order of checks: new unreadable EFAULT, a timeval out of range EINVAL,
 * another which EINVAL, old unwritable EFAULT (the timer is set by then).
 */
public final class SetitimerCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long[] n = c.arg(1) == 0 ? new long[4] : SignalSets.readLongs(c, c.arg(1), 4);
        if (n == null) {
            return -Errno.EFAULT;
        }
        if (n[0] < 0 || n[1] < 0 || n[1] > 999_999 || n[2] < 0 || n[3] < 0 || n[3] > 999_999) {
            return -Errno.EINVAL;
        }
        int which = (int) c.arg(0);
        IntervalTimers timers = c.signals().timers();
        Process p = c.process();
        long value = timers.microsToCycles(n[2], n[3]);
        long interval = timers.microsToCycles(n[0], n[1]);
        long[] old;
        if (which == IntervalTimers.ITIMER_REAL) {
            old = timers.get(p);
            timers.set(p, value, value == 0 ? 0 : interval);
        } else if (which == IntervalTimers.ITIMER_VIRTUAL || which == IntervalTimers.ITIMER_PROF) {
            long used = c.dispatcher().cpuUsed(p);
            old = timers.getCpu(p, which, used);
            timers.setCpu(p, which, value, interval, used);
            c.dispatcher().cpuLimitChanged(p);
        } else {
            return -Errno.EINVAL;
        }
        if (c.arg(2) != 0 && !writeItimerval(c, c.arg(2), old)) {
            return -Errno.EFAULT;
        }
        return 0;
    }

    // {interval, value} in microseconds as struct itimerval.
    static boolean writeItimerval(SyscallFrame c, long addr, long[] micros) {
        return Fds.accessOk(addr, 32) && c.memory().writeLong(addr, micros[0] / 1_000_000)
                && c.memory().writeLong(addr + 8, micros[0] % 1_000_000)
                && c.memory().writeLong(addr + 16, micros[1] / 1_000_000)
                && c.memory().writeLong(addr + 24, micros[1] % 1_000_000);
    }
}
