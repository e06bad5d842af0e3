package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.IntervalTimers;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * getitimer(which, value): the timer's interval and time left (simulated
 * time for ITIMER_REAL, CPU time for ITIMER_VIRTUAL and ITIMER_PROF);
 * another which answers EINVAL, a value that cannot be written EFAULT.
 */
public final class GetitimerCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        int which = (int) c.arg(0);
        IntervalTimers timers = c.signals().timers();
        Process p = c.process();
        long[] now;
        if (which == IntervalTimers.ITIMER_REAL) {
            now = timers.get(p);
        } else if (which == IntervalTimers.ITIMER_VIRTUAL || which == IntervalTimers.ITIMER_PROF) {
            now = timers.getCpu(p, which, c.dispatcher().cpuUsed(p));
        } else {
            return -Errno.EINVAL;
        }
        return SetitimerCall.writeItimerval(c, c.arg(1), now) ? 0 : -Errno.EFAULT;
    }
}
