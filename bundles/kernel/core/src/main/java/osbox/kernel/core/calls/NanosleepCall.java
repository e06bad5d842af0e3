package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * nanosleep(req, rem): sleeps for req's simulated time (the hart runs
 * others meanwhile). Run again after a stop and SIGCONT, it sleeps only
 * until the first sleep's end (Linux's restart_syscall); a handler cuts it
 * short with EINTR and the time left in rem ({@code SignalDelivery}).
 */
public final class NanosleepCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if (c.woken()) {
            return 0;
        }
        long restart = c.process().signals().takeRestartDeadline();
        if (restart != 0) {
            return Timespecs.sleepUntil(c, restart);
        }
        long ns = Timespecs.readNanos(c, c.arg(0));
        if (ns < 0) {
            return ns == Timespecs.FAULT ? -Errno.EFAULT : -Errno.EINVAL;
        }
        c.sleepUntil(c.now() + Timespecs.cycles(c, ns));
        return RESTART;
    }
}
