package osbox.ipc.unix;

import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;

/** What the socket calls share: their numbers on riscv64 and finding the socket behind a descriptor. */
final class Sockets {
    static final int SOCKETPAIR = 199, GETSOCKNAME = 204, GETPEERNAME = 205, SENDTO = 206, RECVFROM = 207,
            SETSOCKOPT = 208, GETSOCKOPT = 209, SHUTDOWN = 210, SENDMSG = 211, RECVMSG = 212;
    static final int AF_UNIX = 1, SOL_SOCKET = 1;
    /**
     * The networking errno values (asm-generic/errno.h) osbox.api.kernel.Errno
     * does not have yet; kept here so the API stays as it is.
     */
    static final int ENOTSOCK = 88, EMSGSIZE = 90, ENOPROTOOPT = 92, EPROTONOSUPPORT = 93,
            ESOCKTNOSUPPORT = 94, EOPNOTSUPP = 95, EAFNOSUPPORT = 97, EISCONN = 106, ECONNREFUSED = 111;

    private Sockets() {
    }

    /** The Unix socket behind the caller's fd, or null (then {@link #notSocket} is the errno). */
    static UnixSocket of(SyscallContext c, long fd) {
        return c.file(fd) instanceof UnixSocket s ? s : null;
    }

    /** Why fd is no socket: -EBADF when it is not open, else -ENOTSOCK. */
    static long notSocket(SyscallContext c, long fd) {
        OpenFile f = c.file(fd);
        return f == null ? -Errno.EBADF : -ENOTSOCK;
    }

    /**
     * Writes value (an address, an option) to addr, cut to the length at
     * lenp, then stores at lenp the value's real length (fullLength: Linux's
     * move_addr_to_user) or the bytes written (getsockopt): 0, -EINVAL for a
     * negative length, -EFAULT.
     */
    static long writeCut(SyscallContext c, long addr, long lenp, byte[] address, boolean fullLength) {
        int[] len = new int[1];
        if (!readInt(c, lenp, len)) {
            return -Errno.EFAULT;
        }
        if (len[0] < 0) {
            return -Errno.EINVAL;
        }
        int n = Math.min(len[0], address.length);
        if (n > 0 && !c.memory().write(addr, address, 0, n)) {
            return -Errno.EFAULT;
        }
        return c.memory().writeInt(lenp, fullLength ? address.length : n) ? 0 : -Errno.EFAULT;
    }

    /** The sockaddr_un of an unnamed socket: sun_family AF_UNIX, nothing more. */
    static byte[] unnamed() {
        return new byte[] {AF_UNIX, 0};
    }

    /** Reads a 32-bit int at va into v[0]; false when va is unreadable. */
    static boolean readInt(SyscallContext c, long va, int[] v) {
        byte[] b = new byte[4];
        if (!c.memory().read(va, b, 0, 4)) {
            return false;
        }
        v[0] = (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
        return true;
    }
}
