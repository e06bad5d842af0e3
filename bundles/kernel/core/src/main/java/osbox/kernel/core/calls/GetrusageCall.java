package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.Rusage;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * getrusage(who, usage): RUSAGE_SELF (and RUSAGE_THREAD: one thread per
 * process) the caller's own use, its current stretch on the hart counted;
 * RUSAGE_CHILDREN what its reaped children and their reaped descendants
 * used. who is an int; any other value answers EINVAL, a usage pointer that
 * cannot be written EFAULT. See {@link Rusage} for what is counted.
 */
public final class GetrusageCall implements KernelSyscall {
    static final int RUSAGE_SELF = 0, RUSAGE_CHILDREN = -1, RUSAGE_THREAD = 1;

    @Override
    public long invoke(SyscallFrame c) {
        int who = (int) c.arg(0);
        Process p = c.process();
        Rusage u;
        if (who == RUSAGE_SELF || who == RUSAGE_THREAD) {
            u = Rusage.of(p, c.dispatcher().cpuUsed(p));
        } else if (who == RUSAGE_CHILDREN) {
            u = p.childrenUsage();
        } else {
            return -Errno.EINVAL;
        }
        return c.memory().write(c.arg(1), u.toBytes(c.frequencyHz()), 0, Rusage.SIZE) ? 0 : -Errno.EFAULT;
    }
}
