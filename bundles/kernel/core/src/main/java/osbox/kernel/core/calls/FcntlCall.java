package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * fcntl(fd, cmd, arg): F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, and
 * F_GETFL and F_SETFL over the open file description's flags (Linux's
 * f_flags): F_GETFL answers the access mode and status flags (O_APPEND,
 * O_NONBLOCK, O_LARGEFILE for files opened by path); F_SETFL changes
 * O_APPEND and O_NONBLOCK, for every descriptor sharing the description,
 * and ignores the access mode and other bits, as Linux does.
 */
public final class FcntlCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        var table = Fds.table(c);
        var f = table.get(c.arg(0));
        if (f == null) {
            return -Errno.EBADF;
        }
        int fd = (int) c.arg(0);
        long arg = c.arg(2);
        switch ((int) c.arg(1)) {
            case 0:    // F_DUPFD
            case 1030: // F_DUPFD_CLOEXEC
                if (arg < 0 || arg >= table.limit()) {
                    return -Errno.EINVAL;       // Linux: from at or above RLIMIT_NOFILE
                }
                return table.install(f, (int) arg, c.arg(1) == 1030);
            case 1:    // F_GETFD
                return table.isCloseOnExec(fd) ? 1 : 0;
            case 2:    // F_SETFD
                table.setCloseOnExec(fd, (arg & 1) != 0);
                return 0;
            case 3:    // F_GETFL
                return f.statusFlags();
            case 4:    // F_SETFL
                f.setStatusFlags((int) arg);
                return 0;
            default:
                return -Errno.EINVAL;
        }
    }
}
