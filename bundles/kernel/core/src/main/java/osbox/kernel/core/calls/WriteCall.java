package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** write(fd, buf, count): writes to the open file fd refers to. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.WRITE, SyscallHandler.NAME + "=write"})
public final class WriteCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return Fds.transfer(c, c.arg(0), c.arg(1), c.arg(2), (f, b, n) -> f.file.write(c, b, n));
    }
}
