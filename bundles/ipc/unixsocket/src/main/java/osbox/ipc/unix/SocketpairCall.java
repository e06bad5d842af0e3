package osbox.ipc.unix;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * socketpair(domain, type, protocol, sv): two connected Unix-domain
 * sockets at the caller's two lowest free descriptors, stored at sv[0] and
 * sv[1]. domain AF_UNIX (AF_INET, AF_INET6: EOPNOTSUPP; others:
 * EAFNOSUPPORT); type SOCK_STREAM, SOCK_DGRAM or SOCK_SEQPACKET
 * (SOCK_RAW is made SOCK_DGRAM, as Linux does; others: ESOCKTNOSUPPORT) with SOCK_NONBLOCK and SOCK_CLOEXEC (other
 * bits: EINVAL); protocol 0 or PF_UNIX (EPROTONOSUPPORT). Nothing stays
 * open when it fails (EFAULT, EMFILE).
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.SOCKETPAIR,
        SyscallHandler.NAME + "=socketpair",
        SyscallHandler.STATUS + "=partial: AF_UNIX only (AF_INET and AF_INET6 answer EOPNOTSUPP)"})
public final class SocketpairCall implements SyscallHandler {
    static final int SOCK_NONBLOCK = OpenFile.O_NONBLOCK, SOCK_CLOEXEC = OpenFile.O_CLOEXEC;
    static final int AF_INET = 2, AF_INET6 = 10;

    private final Kernel kernel;
    private int nextId = 1;

    /** Makes each socket's wait queue through the kernel. */
    @Activate
    public SocketpairCall(@Reference(name = "kernel") Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public long invoke(SyscallContext c) {
        int domain = (int) c.arg(0);
        int type = (int) c.arg(1);
        int protocol = (int) c.arg(2);
        long sv = c.arg(3);
        if (domain != Sockets.AF_UNIX) {
            return domain == AF_INET || domain == AF_INET6 ? -Sockets.EOPNOTSUPP : -Sockets.EAFNOSUPPORT;
        }
        int flags = type & ~0xf;
        int kind = type & 0xf;
        if ((flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) != 0) {
            return -Errno.EINVAL;
        }
        if (kind == UnixSocket.SOCK_RAW) {
            kind = UnixSocket.SOCK_DGRAM;       // af_unix's unix_create makes SOCK_RAW a datagram socket
        }
        if (kind != UnixSocket.SOCK_STREAM && kind != UnixSocket.SOCK_DGRAM && kind != UnixSocket.SOCK_SEQPACKET) {
            return -Sockets.ESOCKTNOSUPPORT;
        }
        if (protocol != 0 && protocol != Sockets.AF_UNIX) {
            return -Sockets.EPROTONOSUPPORT;
        }
        if (!c.memory().writeInt(sv, -1) || !c.memory().writeInt(sv + 4, -1)) {
            return -Errno.EFAULT;
        }
        int id = nextId;
        nextId += 2;
        UnixSocket[] pair = UnixSocket.pair(kind, id, c.process().pid(),
                kernel.newWaitQueue("socket:[" + id + "]"), kernel.newWaitQueue("socket:[" + (id + 1) + "]"));
        int openFlags = OpenFile.O_RDWR | flags;
        long a = c.installFile(pair[0], openFlags);
        if (a < 0) {
            pair[1].release();
            return a;
        }
        long b = c.installFile(pair[1], openFlags);
        if (b < 0) {
            c.closeFile(a);
            return b;
        }
        c.memory().writeInt(sv, (int) a);
        c.memory().writeInt(sv + 4, (int) b);
        return 0;
    }
}
