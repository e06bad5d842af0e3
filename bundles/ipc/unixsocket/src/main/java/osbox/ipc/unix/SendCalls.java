package osbox.ipc.unix;

import java.util.List;
import osbox.api.kernel.Errno;
import osbox.api.kernel.FileHandle;
import osbox.api.kernel.SyscallContext;

/** What sendto and sendmsg share: the socket, the destination check, the send. */
final class SendCalls {
    private SendCalls() {
    }

    /**
     * Sends iov (with rights, held) on the socket at fd: a destination
     * address is EISCONN (a socketpair's sockets are connected). Closes the
     * rights when the send does not take them.
     */
    static long send(SyscallContext c, long fd, Iovecs iov, List<FileHandle> rights, int flags, long addr) {
        UnixSocket s = Sockets.of(c, fd);
        if (s == null) {
            rights.forEach(FileHandle::close);
            return Sockets.notSocket(c, fd);
        }
        if (addr != 0) {
            rights.forEach(FileHandle::close);
            return -Sockets.EISCONN;
        }
        return s.send(c, iov, rights, flags);
    }

    /** Whether sendto's buffer [buf, buf + len) lies in the user half (Linux's access_ok). */
    static boolean userRange(long buf, long len) {
        return Long.compareUnsigned(len, Iovecs.USER_TOP) <= 0
                && Long.compareUnsigned(buf, Iovecs.USER_TOP - len) <= 0;
    }

    /** -EFAULT when the range is outside the user half, else 0. */
    static long checkRange(long buf, long len) {
        return userRange(buf, len) ? 0 : -Errno.EFAULT;
    }
}
