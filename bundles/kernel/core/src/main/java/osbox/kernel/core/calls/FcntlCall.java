package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** fcntl(fd, cmd, arg): F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL (flags other than O_NONBLOCK are ignored). */
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
            case 3:    // F_GETFL: O_RDWR for simplicity of the console and pipes alike
                return 2;
            case 4:    // F_SETFL
                return 0;
            default:
                return -Errno.EINVAL;
        }
    }
}
