package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** close(fd): 0, or EBADF when fd is not open. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.CLOSE, SyscallHandler.NAME + "=close"})
public final class CloseCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return Fds.table(c).close(c.arg(0));
    }
}
