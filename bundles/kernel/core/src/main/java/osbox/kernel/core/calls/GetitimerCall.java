package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** getitimer(which, value): ITIMER_REAL's interval and time left; other timers answer EINVAL. */
public final class GetitimerCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if ((int) c.arg(0) != SetitimerCall.ITIMER_REAL) {
            return -Errno.EINVAL;
        }
        long[] now = c.signals().timers().get(c.process());
        return SetitimerCall.writeItimerval(c, c.arg(1), now) ? 0 : -Errno.EFAULT;
    }
}
