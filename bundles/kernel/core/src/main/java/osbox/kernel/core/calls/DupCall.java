package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** dup(fd): the lowest free descriptor, referring to the same open file. */
public final class DupCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        var f = Fds.table(c).get(c.arg(0));
        return f == null ? -Errno.EBADF : Fds.table(c).install(f, 0, false);
    }
}
