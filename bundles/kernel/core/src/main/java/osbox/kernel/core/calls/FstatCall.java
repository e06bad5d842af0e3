package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * fstat(fd, statbuf): fills struct stat (riscv64 layout, 128 bytes): a
 * file of the namespace as its node reports it (a host file's own
 * attributes), a pipe or the terminal from the open file.
 */
public final class FstatCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        FileRef f = Fds.table(c).get(c.arg(0));
        if (f == null) {
            return -Errno.EBADF;
        }
        FileStats.Result r = FileStats.of(f);
        if (r.errno() != 0) {
            return -r.errno();
        }
        return c.memory().write(c.arg(1), StatBuffers.stat(r.stat()), 0, StatBuffers.STAT_SIZE) ? 0 : -Errno.EFAULT;
    }
}
