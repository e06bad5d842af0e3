package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** dup(fd): the lowest free descriptor, referring to the same open file. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.DUP, SyscallHandler.NAME + "=dup"})
public final class DupCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        var f = Fds.table(c).get(c.arg(0));
        return f == null ? -Errno.EBADF : Fds.table(c).install(f, 0, false);
    }
}
