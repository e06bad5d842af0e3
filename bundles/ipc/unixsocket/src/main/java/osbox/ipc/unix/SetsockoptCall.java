package osbox.ipc.unix;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * setsockopt(fd, level, optname, optval, optlen) on a Unix socket, level
 * SOL_SOCKET (others: EOPNOTSUPP): an int option needs optlen of at least 4
 * (EINVAL); SO_SNDBUF and SO_RCVBUF keep twice the value (at least Linux's
 * minimum), SO_PASSCRED is kept; SO_KEEPALIVE, SO_REUSEADDR, SO_RCVLOWAT
 * and SO_SNDLOWAT are accepted; SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ERROR,
 * SO_PEERCRED, SO_ACCEPTCONN cannot be set (ENOPROTOOPT), nor unknown ones.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.SETSOCKOPT, SyscallHandler.NAME + "=setsockopt",
        SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only, SOL_SOCKET options only; buffer sizes "
                + "are reported, not enforced"})
public final class SetsockoptCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        UnixSocket s = Sockets.of(c, c.arg(0));
        if (s == null) {
            return Sockets.notSocket(c, c.arg(0));
        }
        if ((int) c.arg(1) != Sockets.SOL_SOCKET) {
            return -Sockets.EOPNOTSUPP;
        }
        int name = (int) c.arg(2);
        switch (name) {
            case SocketOptions.SO_SNDBUF, SocketOptions.SO_RCVBUF, SocketOptions.SO_PASSCRED,
                    SocketOptions.SO_KEEPALIVE, SocketOptions.SO_REUSEADDR, SocketOptions.SO_RCVLOWAT,
                    SocketOptions.SO_SNDLOWAT -> {
            }
            default -> {
                return -Sockets.ENOPROTOOPT;
            }
        }
        if ((int) c.arg(4) < 4) {
            return -Errno.EINVAL;
        }
        int[] v = new int[1];
        if (!Sockets.readInt(c, c.arg(3), v)) {
            return -Errno.EFAULT;
        }
        switch (name) {
            case SocketOptions.SO_SNDBUF -> s.options.sndbuf = Math.max(SocketOptions.MIN_SNDBUF, 2 * Math.max(0, v[0]));
            case SocketOptions.SO_RCVBUF -> s.options.rcvbuf = Math.max(SocketOptions.MIN_RCVBUF, 2 * Math.max(0, v[0]));
            case SocketOptions.SO_PASSCRED -> s.options.passcred = v[0] != 0;
            default -> {
            }
        }
        return 0;
    }
}
