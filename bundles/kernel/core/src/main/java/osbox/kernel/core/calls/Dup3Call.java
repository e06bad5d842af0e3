package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * dup3(oldfd, newfd, flags): newfd refers to oldfd's open file (closing what
 * it had); flags may hold O_CLOEXEC. Checked in Linux's order (ksys_dup3):
 * unknown flags, then oldfd == newfd (EINVAL), then newfd at or above
 * RLIMIT_NOFILE, then oldfd not open (EBADF). Descriptors are unsigned ints.
 */
public final class Dup3Call implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long oldfd = c.arg(0) & 0xffff_ffffL;
        long newfd = c.arg(1) & 0xffff_ffffL;
        int flags = (int) c.arg(2);
        if ((flags & ~Fds.O_CLOEXEC) != 0 || oldfd == newfd) {
            return -Errno.EINVAL;
        }
        var f = Fds.table(c).get(oldfd);
        if (newfd >= Fds.table(c).limit() || f == null) {
            return -Errno.EBADF;
        }
        Fds.table(c).put((int) newfd, f, (flags & Fds.O_CLOEXEC) != 0);
        return newfd;
    }
}
