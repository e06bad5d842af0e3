package osbox.kernel.syscalls.console;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/** Walks a user iovec array (struct iovec { void *base; size_t len; }). */
final class Iovec {
    /** One transfer over a user buffer; returns bytes moved or a negative errno/RESTART. */
    interface Transfer {
        long apply(long base, long len);
    }

    private Iovec() {
    }

    /** Applies t to each buffer in order; stops at a short transfer. Returns total or the first error. */
    static long each(SyscallContext c, long iov, long count, Transfer t) {
        if (count < 0 || count > Calls.IOV_MAX) {
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
            if (len == 0) {
                continue;
            }
            long r = t.apply(base, len);
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

    /** Applies t to the first non-empty buffer only (reads stop at the first short read anyway). */
    static long first(SyscallContext c, long iov, long count, Transfer t) {
        if (count < 0 || count > Calls.IOV_MAX) {
            return -Errno.EINVAL;
        }
        long[] v = new long[1];
        for (int i = 0; i < count; i++) {
            if (!c.memory().readLong(iov + 16L * i + 8, v)) {
                return -Errno.EFAULT;
            }
            long len = v[0];
            if (len == 0) {
                continue;
            }
            if (!c.memory().readLong(iov + 16L * i, v)) {
                return -Errno.EFAULT;
            }
            return t.apply(v[0], len);
        }
        return 0;
    }
}
