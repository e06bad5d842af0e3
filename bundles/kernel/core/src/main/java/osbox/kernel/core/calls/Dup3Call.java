package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** dup3(oldfd, newfd, flags): newfd refers to oldfd's open file (closing what it had); flags may hold O_CLOEXEC. */
public final class Dup3Call implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long oldfd = c.arg(0);
        long newfd = c.arg(1);
        long flags = c.arg(2);
        var f = Fds.table(c).get(oldfd);
        if (f == null || newfd < 0 || newfd >= osbox.kernel.core.files.FileTable.MAX) {
            return -Errno.EBADF;
        }
        if (oldfd == newfd || (flags & ~Fds.O_CLOEXEC) != 0) {
            return -Errno.EINVAL;
        }
        Fds.table(c).put((int) newfd, f, (flags & Fds.O_CLOEXEC) != 0);
        return newfd;
    }
}
