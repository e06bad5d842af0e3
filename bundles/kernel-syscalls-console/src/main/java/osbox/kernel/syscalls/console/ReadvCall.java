package osbox.kernel.syscalls.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** readv(fd, iov, iovcnt): reads console input into the first non-empty iovec buffer. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.READV, SyscallHandler.NAME + "=readv"})
public final class ReadvCall implements SyscallHandler {
    private final ConsoleFiles files;

    @Activate
    public ReadvCall(@Reference ConsoleFiles files) {
        this.files = files;
    }

    @Override
    public long invoke(SyscallContext c) {
        return Iovec.first(c, c.arg(1), c.arg(2), (base, len) -> files.read(c, c.arg(0), base, len));
    }
}
