package osbox.ipc.unix;

import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * getsockname and getpeername (fd, addr, addrlen) on a socketpair's
 * socket: both ends are unnamed, so each answers the address family alone
 * (sun_family AF_UNIX, length 2). The two services differ in name only.
 */
abstract class SocknameCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        if (Sockets.of(c, c.arg(0)) == null) {
            return Sockets.notSocket(c, c.arg(0));
        }
        return Sockets.writeCut(c, c.arg(1), c.arg(2), Sockets.unnamed(), true);
    }
}
