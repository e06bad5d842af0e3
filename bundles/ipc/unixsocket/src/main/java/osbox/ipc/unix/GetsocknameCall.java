package osbox.ipc.unix;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallHandler;

/** getsockname(fd, addr, addrlen): a socketpair's socket is unnamed (AF_UNIX, length 2). */
@Component(service = SyscallHandler.class, property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.GETSOCKNAME,
        SyscallHandler.NAME + "=getsockname", SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only"})
public final class GetsocknameCall extends SocknameCall {
}
