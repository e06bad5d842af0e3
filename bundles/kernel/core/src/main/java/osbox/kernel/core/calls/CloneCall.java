package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** clone(flags, stack, ptid, tls, ctid) as fork: flags must be SIGCHLD (or CLONE_VM|CLONE_VFORK|SIGCHLD, run as a plain fork); threads are not supported yet (ENOSYS). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.CLONE, SyscallHandler.NAME + "=clone"})
public final class CloneCall implements SyscallHandler {
    static final long CLONE_VM = 0x100, CLONE_VFORK = 0x4000, SIGCHLD = 17;

    @Override
    public long invoke(SyscallContext c) {
        long flags = c.arg(0);
        if (flags != SIGCHLD && flags != (CLONE_VM | CLONE_VFORK | SIGCHLD)) {
            return (flags & CLONE_VM) != 0 ? -Errno.ENOSYS : -Errno.EINVAL;
        }
        if (c.arg(1) != 0) {
            return -Errno.EINVAL;
        }
        KernelCall k = KernelCall.of(c);
        return k.kernel().fork(k.pcb());
    }
}
