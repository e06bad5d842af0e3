package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * sched_getparam(pid, param): writes thread pid's rt_priority (0 outside
 * the real-time classes) to param->sched_priority; EINVAL for a null param
 * or a negative pid, ESRCH, EFAULT.
 */
public final class SchedGetparamCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long pid = (int) c.arg(0);
        long param = c.arg(1);
        if (param == 0 || pid < 0) {
            return -Errno.EINVAL;
        }
        Process t = SchedClass.target(c, pid);
        if (t == null) {
            return -Errno.ESRCH;
        }
        return c.memory().writeInt(param, t.rtPriority()) ? 0 : -Errno.EFAULT;
    }
}
