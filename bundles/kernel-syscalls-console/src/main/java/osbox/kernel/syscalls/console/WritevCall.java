package osbox.kernel.syscalls.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** writev(fd, iov, iovcnt): gathers iovec buffers to the console. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.WRITEV, SyscallHandler.NAME + "=writev"})
public final class WritevCall implements SyscallHandler {
    private final ConsoleFiles files;

    @Activate
    public WritevCall(@Reference ConsoleFiles files) {
        this.files = files;
    }

    @Override
    public long invoke(SyscallContext c) {
        return Iovec.each(c, c.arg(1), c.arg(2), (base, len) -> files.write(c, c.arg(0), base, len));
    }
}
