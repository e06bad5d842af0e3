package osbox.ipc.unix;

import java.util.List;
import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * sendto(fd, buf, len, flags, addr, addrlen) on a Unix socket: as write,
 * with MSG_DONTWAIT (EAGAIN instead of a sleep) and MSG_NOSIGNAL (EPIPE
 * without SIGPIPE); a destination address is EISCONN.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.SENDTO, SyscallHandler.NAME + "=sendto",
        SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only; a destination address answers EISCONN"})
public final class SendtoCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        if (Sockets.of(c, c.arg(0)) == null) {
            return Sockets.notSocket(c, c.arg(0));
        }
        long bad = SendCalls.checkRange(c.arg(1), c.arg(2));
        if (bad != 0) {
            return bad;
        }
        return SendCalls.send(c, c.arg(0), Iovecs.of(c.arg(1), c.arg(2)), List.of(), (int) c.arg(3), c.arg(4));
    }
}
