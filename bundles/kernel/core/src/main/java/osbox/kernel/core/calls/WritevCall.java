package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** writev(fd, iov, iovcnt): gathers the iovec buffers into one write. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.WRITEV, SyscallHandler.NAME + "=writev"})
public final class WritevCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return Fds.vector(c, c.arg(0), c.arg(1), c.arg(2), (f, b, n) -> f.file.write(c, b, n));
    }
}
