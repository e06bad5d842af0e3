package osbox.ipc.unix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * getsockopt(fd, level, optname, optval, optlen) on a Unix socket, level
 * SOL_SOCKET (others: EOPNOTSUPP, as af_unix has no protocol options):
 * SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ERROR, SO_SNDBUF, SO_RCVBUF,
 * SO_PASSCRED, SO_PEERCRED (struct ucred of the pair's creator, uid and gid
 * 0), SO_ACCEPTCONN, SO_KEEPALIVE, SO_REUSEADDR, SO_LINGER, SO_RCVLOWAT,
 * SO_SNDLOWAT; others ENOPROTOOPT. The value is cut to *optlen (a negative
 * one: EINVAL), which is set to the bytes written.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.GETSOCKOPT, SyscallHandler.NAME + "=getsockopt",
        SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only, SOL_SOCKET options only"})
public final class GetsockoptCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        UnixSocket s = Sockets.of(c, c.arg(0));
        if (s == null) {
            return Sockets.notSocket(c, c.arg(0));
        }
        if ((int) c.arg(1) != Sockets.SOL_SOCKET) {
            return -Sockets.EOPNOTSUPP;
        }
        byte[] value = value(s, (int) c.arg(2));
        if (value == null) {
            return -Sockets.ENOPROTOOPT;
        }
        return Sockets.writeCut(c, c.arg(3), c.arg(4), value, false);
    }

    // The option's value as Linux lays it out, or null for an option osbox does not know.
    static byte[] value(UnixSocket s, int name) {
        return switch (name) {
            case SocketOptions.SO_TYPE -> ints(s.type);
            case SocketOptions.SO_DOMAIN -> ints(Sockets.AF_UNIX);
            case SocketOptions.SO_PROTOCOL, SocketOptions.SO_ERROR, SocketOptions.SO_ACCEPTCONN,
                    SocketOptions.SO_KEEPALIVE, SocketOptions.SO_REUSEADDR -> ints(0);
            case SocketOptions.SO_SNDBUF -> ints(s.options.sndbuf);
            case SocketOptions.SO_RCVBUF -> ints(s.options.rcvbuf);
            case SocketOptions.SO_PASSCRED -> ints(s.options.passcred ? 1 : 0);
            case SocketOptions.SO_PEERCRED -> ints(s.creatorPid, 0, 0);
            case SocketOptions.SO_LINGER -> ints(0, 0);
            case SocketOptions.SO_RCVLOWAT, SocketOptions.SO_SNDLOWAT -> ints(1);
            default -> null;
        };
    }

    private static byte[] ints(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }
}
