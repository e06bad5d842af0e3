package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** ioctl(fd, request, arg): passed to the open file (ENOTTY when it does not know the request). */
public final class IoctlCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        var f = Fds.table(c).get(c.arg(0));
        return f == null ? -Errno.EBADF : f.file.ioctl(c, c.arg(1), c.arg(2));
    }
}
