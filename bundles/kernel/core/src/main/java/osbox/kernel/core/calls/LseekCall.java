package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** lseek(fd, offset, whence): moves the file offset (streams answer ESPIPE). */
public final class LseekCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        var f = Fds.table(c).get(c.arg(0));
        return f == null ? -Errno.EBADF : f.file.seek(c, c.arg(1), (int) c.arg(2));
    }
}
