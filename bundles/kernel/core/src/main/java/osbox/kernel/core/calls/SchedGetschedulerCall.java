package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** sched_getscheduler(pid): thread pid's policy (0: the caller), with SCHED_RESET_ON_FORK when set; EINVAL, ESRCH. */
public final class SchedGetschedulerCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long pid = (int) c.arg(0);
        if (pid < 0) {
            return -Errno.EINVAL;
        }
        Process t = SchedClass.target(c, pid);
        if (t == null) {
            return -Errno.ESRCH;
        }
        return t.schedPolicy() | (t.resetOnFork() ? SchedClass.SCHED_RESET_ON_FORK : 0);
    }
}
