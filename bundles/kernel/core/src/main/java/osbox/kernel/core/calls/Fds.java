package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallHandler;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.files.FileTable;
import osbox.kernel.core.fs.DirectIoFile;
import osbox.kernel.core.syscall.SyscallFrame;

/** Descriptor helpers shared by the file calls. */
final class Fds {
    static final int O_NONBLOCK = 0x800, O_CLOEXEC = 0x80000;
    static final int IOV_MAX = 1024;
    /** The top of the user half of an Sv39 address space (Linux's TASK_SIZE on riscv64 Sv39). */
    static final long USER_TOP = 0x40_0000_0000L;

    /** One transfer over a user buffer; bytes moved, negative errno or RESTART. */
    interface Transfer {
        long apply(FileRef f, long base, long len);
    }

    private Fds() {
    }

    /** A write's result, after sending the caller SIGPIPE when it is EPIPE ({@link SyscallFrame#raiseSigpipe}). */
    static long brokenPipe(SyscallFrame c, long r) {
        if (r == -Errno.EPIPE) {
            c.raiseSigpipe();
        }
        return r;
    }

    /** The caller's descriptor table. */
    static FileTable table(SyscallFrame c) {
        return c.process().files();
    }

    /**
     * Linux's access_ok: the whole range [addr, addr + len) lies in the user
     * half (below {@link #USER_TOP}, the top of Sv39's lower half), with len
     * taken as unsigned (a "negative" length is huge) and no wrap-around.
     * Whether the pages are mapped is checked as the copy goes.
     */
    static boolean accessOk(long addr, long len) {
        return Long.compareUnsigned(len, USER_TOP) <= 0 && Long.compareUnsigned(addr, USER_TOP - len) <= 0;
    }

    /** read(2)/write(2) shape: checks fd and the whole user range (EFAULT, as access_ok), then transfers. */
    static long transfer(SyscallFrame c, long fd, long buf, long len, Transfer t) {
        FileRef f = table(c).get(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        if (!accessOk(buf, len)) {
            return -Errno.EFAULT;
        }
        if (len == 0) {
            return 0;
        }
        c.using(f);
        return t.apply(f, buf, len);
    }

    /**
     * readv/writev: reads and checks the whole iovec array first, as Linux's
     * import_iovec (an unreadable array: EFAULT; a negative length: EINVAL;
     * a buffer outside the user half: EFAULT; nothing is transferred then),
     * then applies t to each buffer in order, stopping at a short transfer;
     * the total, or the first error when nothing moved.
     */
    static long vector(SyscallFrame c, long fd, long iov, long count, Transfer t) {
        return vector(c, fd, iov, count, false, t);
    }

    /**
     * As {@link #vector(SyscallFrame, long, long, long, Transfer)}; a
     * {@link DirectIoFile} (a block device) gets the whole vector at once,
     * read into or (when {@code write}) written from, at its offset.
     */
    static long vector(SyscallFrame c, long fd, long iov, long count, boolean write, Transfer t) {
        FileRef f = table(c).get(fd);
        if (f == null) {
            return -Errno.EBADF;
        }
        if (count < 0 || count > IOV_MAX) {
            return -Errno.EINVAL;
        }
        if (count == 0) {
            return 0;
        }
        if (!accessOk(iov, 16L * count)) {
            return -Errno.EFAULT;
        }
        long[] bases = new long[(int) count];
        long[] lens = new long[(int) count];
        long[] v = new long[1];
        for (int i = 0; i < count; i++) {
            if (!c.memory().readLong(iov + 16L * i, v)) {
                return -Errno.EFAULT;
            }
            bases[i] = v[0];
            if (!c.memory().readLong(iov + 16L * i + 8, v)) {
                return -Errno.EFAULT;
            }
            lens[i] = v[0];
        }
        for (int i = 0; i < count; i++) {
            if (lens[i] < 0) {
                return -Errno.EINVAL;
            }
        }
        for (int i = 0; i < count; i++) {
            if (!accessOk(bases[i], lens[i])) {
                return -Errno.EFAULT;
            }
        }
        c.using(f);
        if (f.file instanceof DirectIoFile d) {
            return d.transfer(c, write, -1, bases, lens);
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            long len = lens[i];
            if (len == 0) {
                continue;
            }
            long r = t.apply(f, bases[i], len);
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
