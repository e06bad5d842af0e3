package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** clone(flags, stack, ptid, tls, ctid) as fork: flags must be SIGCHLD (or CLONE_VM|CLONE_VFORK|SIGCHLD, run as a plain fork); threads are not supported yet (ENOSYS). */
public final class CloneCall implements KernelSyscall {
    static final long CLONE_VM = 0x100, CLONE_VFORK = 0x4000, SIGCHLD = 17;

    @Override
    public long invoke(SyscallFrame c) {
        long flags = c.arg(0);
        if (flags != SIGCHLD && flags != (CLONE_VM | CLONE_VFORK | SIGCHLD)) {
            return (flags & CLONE_VM) != 0 ? -Errno.ENOSYS : -Errno.EINVAL;
        }
        if (c.arg(1) != 0) {
            return -Errno.EINVAL;
        }
        return c.forkExec().fork(c.process());
    }
}
