package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.fs.DirectIoFile;
import osbox.kernel.core.fs.NodeFile;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * fsync(fd) and fdatasync(fd): a block device flushes its disk's write
 * cache and the caller waits; a file of the read-only tree has nothing to
 * write (0); pipes, the terminal and the other character devices have no
 * fsync (EINVAL, as Linux answers for a file without one); an O_PATH
 * descriptor is EBADF.
 */
public final class FsyncCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        var f = Fds.table(c).get(c.arg(0));
        if (f == null) {
            return -Errno.EBADF;
        }
        if (f.file instanceof DirectIoFile d) {
            return d.fsync(c);
        }
        if (f.file instanceof NodeFile n) {
            if (!n.readable()) {
                return -Errno.EBADF;
            }
            return n.node().type() == osbox.kernel.core.fs.Stat.S_IFCHR ? -Errno.EINVAL : 0;
        }
        return -Errno.EINVAL;
    }
}
