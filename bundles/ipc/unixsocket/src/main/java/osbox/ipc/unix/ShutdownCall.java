package osbox.ipc.unix;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/** shutdown(fd, how) on a Unix socket: SHUT_RD, SHUT_WR, SHUT_RDWR (others: EINVAL). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.SHUTDOWN, SyscallHandler.NAME + "=shutdown",
        SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only"})
public final class ShutdownCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        UnixSocket s = Sockets.of(c, c.arg(0));
        if (s == null) {
            return Sockets.notSocket(c, c.arg(0));
        }
        int how = (int) c.arg(1);
        if (how < 0 || how > 2) {
            return -Errno.EINVAL;
        }
        s.shutdown(how);
        return 0;
    }
}
