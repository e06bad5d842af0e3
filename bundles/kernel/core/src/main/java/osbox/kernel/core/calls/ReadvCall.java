package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** readv(fd, iov, iovcnt): scatters what is read over the iovec buffers. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.READV, SyscallHandler.NAME + "=readv"})
public final class ReadvCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return Fds.vector(c, c.arg(0), c.arg(1), c.arg(2), (f, b, n) -> f.file.read(c, b, n));
    }
}
