package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** nanosleep(req, rem): sleeps for req's simulated time (the hart runs others meanwhile). */
public final class NanosleepCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if (c.woken()) {
            return 0;
        }
        long ns = Timespecs.readNanos(c, c.arg(0));
        if (ns < 0) {
            return ns == Timespecs.FAULT ? -Errno.EFAULT : -Errno.EINVAL;
        }
        c.sleepUntil(c.now() + Timespecs.cycles(c, ns));
        return RESTART;
    }
}
