package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.fs.DirFile;
import osbox.kernel.core.fs.NodeFile;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * getdents64(fd, dirp, count): the next linux_dirent64 records of an open
 * directory ({@link DirFile}): EBADF when fd is not open (or O_PATH),
 * ENOTDIR when it is no directory, EINVAL when count cannot hold the next
 * record, EFAULT for a bad buffer.
 */
public final class Getdents64Call implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        FileRef f = Fds.table(c).get(c.arg(0));
        if (f == null) {
            return -Errno.EBADF;
        }
        if (!(f.file instanceof DirFile d)) {
            return f.file instanceof NodeFile nf && !nf.readable() ? -Errno.EBADF : -Errno.ENOTDIR;
        }
        long count = c.arg(2) & 0xffff_ffffL;
        if (!Fds.accessOk(c.arg(1), count)) {
            return -Errno.EFAULT;
        }
        return d.getdents(c, c.process(), c.arg(1), count);
    }
}
