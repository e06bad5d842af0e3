package osbox.ipc.unix;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallHandler;

/** getpeername(fd, addr, addrlen): a socketpair's peer is unnamed (AF_UNIX, length 2). */
@Component(service = SyscallHandler.class, property = {SyscallHandler.NUMBER + ":Integer=" + Sockets.GETPEERNAME,
        SyscallHandler.NAME + "=getpeername", SyscallHandler.STATUS + "=partial: Unix sockets from socketpair only"})
public final class GetpeernameCall extends SocknameCall {
}
