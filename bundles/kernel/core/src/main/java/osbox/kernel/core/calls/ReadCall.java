package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** read(fd, buf, count): reads from the open file fd refers to. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.READ, SyscallHandler.NAME + "=read"})
public final class ReadCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return Fds.transfer(c, c.arg(0), c.arg(1), c.arg(2), (f, b, n) -> f.file.read(c, b, n));
    }
}
