package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.fs.DirectIoFile;
import osbox.kernel.core.fs.NodeFile;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * pread64(fd, buf, count, pos) and pwrite64(fd, buf, count, pos): a
 * transfer at a position, leaving the file offset alone. EINVAL for a
 * negative position, ESPIPE for a pipe or the terminal; pread of a
 * directory is EISDIR, of an O_PATH descriptor EBADF; pwrite goes to the
 * device (null and zero take everything, full answers ENOSPC) and is EBADF
 * for the read-only files. A block device file takes the whole call at
 * its position (it sleeps until the disk has done it).
 */
public final class PreadCall implements KernelSyscall {
    private final boolean write;

    /** pwrite64 when {@code write}, else pread64. */
    public PreadCall(boolean write) {
        this.write = write;
    }

    @Override
    public long invoke(SyscallFrame c) {
        long pos = c.arg(3);
        if (pos < 0) {
            return -Errno.EINVAL;
        }
        return Fds.transfer(c, c.arg(0), c.arg(1), c.arg(2), (f, b, n) -> {
            if (!(f.file instanceof NodeFile nf)) {
                return -Errno.ESPIPE;
            }
            if (nf instanceof DirectIoFile d) {
                return d.transfer(c, write, pos, new long[] {b}, new long[] {n});
            }
            if (write) {
                return nf.readable() ? nf.write(c, b, n) : -Errno.EBADF;
            }
            return NodeFile.readToUser(nf, c, pos, b, n);
        });
    }
}
