package osbox.ipc.unix;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * recvfrom(fd, buf, len, flags, addr, addrlen) on a Unix socket: as read,
 * with MSG_DONTWAIT, MSG_PEEK and MSG_TRUNC; the sender's address (a
 * socketpair's peer is unnamed) has length 0. Descriptors that came with
 * the data are closed, as Linux does when there is no room for them.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.RECVFROM, SyscallHandler.NAME + "=recvfrom",
        SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only; MSG_WAITALL and MSG_OOB are ignored"})
public final class RecvfromCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        UnixSocket s = Sockets.of(c, c.arg(0));
        if (s == null) {
            return Sockets.notSocket(c, c.arg(0));
        }
        long bad = SendCalls.checkRange(c.arg(1), c.arg(2));
        if (bad != 0) {
            return bad;
        }
        UnixSocket.Received got = new UnixSocket.Received();
        long r = s.receive(c, Iovecs.of(c.arg(1), c.arg(2)), (int) c.arg(3), got);
        got.drop();
        if (r >= 0 && r != RESTART && c.arg(4) != 0 && c.arg(5) != 0) {
            if (!c.memory().writeInt(c.arg(5), 0)) {
                return -osbox.api.kernel.Errno.EFAULT;
            }
        }
        return r;
    }
}
