package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.IntervalTimers;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * setitimer(which, new, old): ITIMER_REAL in simulated time (SIGALRM when
 * it expires, then every it_interval); a null new disarms it. The old
 * value goes to old. struct itimerval is {it_interval, it_value}, two
 * timevals: four longs. ITIMER_VIRTUAL and ITIMER_PROF answer EINVAL (not
 * kept), as does any other which or a timeval out of range.
 */
public final class SetitimerCall implements KernelSyscall {
    static final int ITIMER_REAL = 0;

    @Override
    public long invoke(SyscallFrame c) {
        long[] n = c.arg(1) == 0 ? new long[4] : SignalSets.readLongs(c, c.arg(1), 4);
        if (n == null) {
            return -Errno.EFAULT;
        }
        if (n[0] < 0 || n[1] < 0 || n[1] > 999_999 || n[2] < 0 || n[3] < 0 || n[3] > 999_999) {
            return -Errno.EINVAL;
        }
        if ((int) c.arg(0) != ITIMER_REAL) {
            return -Errno.EINVAL;
        }
        IntervalTimers timers = c.signals().timers();
        long[] old = timers.get(c.process());
        long value = timers.microsToCycles(n[2], n[3]);
        timers.set(c.process(), value, value == 0 ? 0 : timers.microsToCycles(n[0], n[1]));
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
