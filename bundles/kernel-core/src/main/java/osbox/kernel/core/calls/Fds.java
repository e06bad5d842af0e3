package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.files.FileTable;
import osbox.kernel.core.syscall.KernelCall;

/** Descriptor helpers shared by the file calls. */
final class Fds {
    static final int O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    static final int IOV_MAX = 1024;

    /** One transfer over a user buffer; bytes moved, negative errno or RESTART. */
    interface Transfer {
        long apply(FileRef f, long base, long len);
    }

    private Fds() {
    }

    static FileTable table(SyscallContext c) {
        return KernelCall.of(c).pcb().files;
    }

    /** read(2)/write(2) shape: checks fd and length, then transfers. */
    static long transfer(SyscallContext c, long fd, long buf, long len, Transfer t) {
        FileRef f = table(c).get(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        if (len < 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        return t.apply(f, buf, len);
    }

    /**
     * readv/writev: applies t to each iovec buffer in order, stopping at a
     * short transfer; the total, or the first error when nothing moved.
     */
    static long vector(SyscallContext c, long fd, long iov, long count, Transfer t) {
        FileRef f = table(c).get(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        if (count < 0 || count > IOV_MAX) {
            return -Errno.EINVAL;
        }
        long total = 0;
        long[] v = new long[1];
        for (int i = 0; i < count; i++) {
            if (!c.memory().readLong(iov + 16L * i, v)) {
                return total > 0 ? total : -Errno.EFAULT;
            }
            long base = v[0];
            if (!c.memory().readLong(iov + 16L * i + 8, v)) {
                return total > 0 ? total : -Errno.EFAULT;
            }
            long len = v[0];
            if (len < 0) {
                return total > 0 ? total : -Errno.EINVAL;
            }
            if (len == 0) {
                continue;
            }
            long r = t.apply(f, base, len);
            if (r < 0 || r == SyscallHandler.RESTART) {
                return total > 0 ? total : r;
            }
            total += r;
            if (r < len) {
                break;
            }
        }
        return total;
    }
}
