package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallHandler;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.fs.NodeFile;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * sendfile(out_fd, in_fd, offset, count) (Linux's sendfile64 on riscv64):
 * copies up to count bytes from in_fd to out_fd in the kernel. With offset
 * NULL it reads at in_fd's file offset and moves it by what was written;
 * otherwise it reads at *offset, leaves the file offset alone and stores
 * the position after the last byte written back in *offset. Answers the
 * bytes written (0 at the end of the input).
 *
 * <p>Linux's order of checks: an unreadable offset EFAULT; in_fd not open
 * (or O_PATH) EBADF; an offset on a file that has none (a pipe, the
 * terminal) ESPIPE; a negative position EINVAL; out_fd not open EBADF; an
 * input that cannot be spliced from (a pipe, the terminal, a directory)
 * EINVAL; then the output's own errors (EBADF for a read-only file, EPIPE
 * with SIGPIPE for a pipe no one reads, ENOSPC for /dev/full). The output
 * may be anything writable: a pipe (a full one puts the caller to sleep
 * before anything moves; later chunks go only while it has room), the
 * terminal, a device. count is capped at Linux's MAX_RW_COUNT.
 */
public final class SendfileCall implements KernelSyscall {
    /** Linux's MAX_RW_COUNT: INT_MAX rounded down to a page. */
    static final long MAX_RW_COUNT = 0x7fff_f000L;
    private static final int SEEK_SET = 0, SEEK_CUR = 1;

    @Override
    public long invoke(SyscallFrame c) {
        long offsetAddr = c.arg(2);
        long[] given = new long[1];
        if (offsetAddr != 0 && !c.memory().readLong(offsetAddr, given)) {
            return -Errno.EFAULT;
        }
        FileRef in = Fds.table(c).get(c.arg(1));
        if (in == null || in.file instanceof NodeFile nf && !nf.readable()) {
            return -Errno.EBADF;
        }
        NodeFile input = in.file instanceof NodeFile nf && (nf.mode() & OpenFile.S_IFDIR) != OpenFile.S_IFDIR
                ? nf : null;
        long pos;
        if (offsetAddr != 0) {
            if (input == null || input.seek(c, 0, SEEK_CUR) < 0) {
                return input == null && (in.file.mode() & OpenFile.S_IFDIR) == OpenFile.S_IFDIR ? -Errno.EINVAL
                        : -Errno.ESPIPE;
            }
            pos = given[0];
        } else {
            pos = input == null ? 0 : Math.max(0, input.seek(c, 0, SEEK_CUR));
        }
        long count = c.arg(3);
        if (pos < 0 || count < 0) {
            return -Errno.EINVAL;
        }
        count = Math.min(count, MAX_RW_COUNT);
        FileRef out = Fds.table(c).get(c.arg(0));
        if (out == null) {
            return -Errno.EBADF;
        }
        if (input == null) {
            return -Errno.EINVAL;
        }
        c.using(out); // the output description's O_NONBLOCK decides whether a full pipe sleeps
        long r = copy(c, input, pos, out.file, count);
        if (r > 0) {
            if (offsetAddr != 0) {
                if (!c.memory().writeLong(offsetAddr, pos + r)) {
                    return -Errno.EFAULT;
                }
            } else {
                input.seek(c, pos + r, SEEK_SET);
            }
        }
        return Fds.brokenPipe(c, r);
    }

    // Moves up to count bytes from in at pos to out, chunk by chunk: the bytes written, or the first error
    // (or RESTART) when nothing moved. After the first chunk it goes on only while out has room (no sleep).
    private static long copy(SyscallFrame c, NodeFile in, long pos, OpenFile out, long count) {
        byte[] chunk = new byte[(int) Math.min(count, NodeFile.CHUNK)];
        long done = 0;
        while (done < count) {
            if (done > 0 && (out.poll(null) & OpenFile.POLLOUT) == 0) {
                break;
            }
            int want = (int) Math.min(count - done, chunk.length);
            long n = in.readAt(pos + done, chunk, 0, want);
            if (n <= 0) {
                return done > 0 ? done : n;
            }
            long w = out.write(new KernelBuffer(c, chunk, (int) n), 0, n);
            if (w < 0 || w == SyscallHandler.RESTART) {
                return done > 0 ? done : w;
            }
            done += w;
            if (w < n) {
                break;
            }
        }
        return done;
    }
}
