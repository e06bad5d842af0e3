package osbox.kernel.syscalls.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** write(fd, buf, count) on the console descriptors 1 and 2. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.WRITE, SyscallHandler.NAME + "=write"})
public final class WriteCall implements SyscallHandler {
    private final ConsoleFiles files;

    @Activate
    public WriteCall(@Reference ConsoleFiles files) {
        this.files = files;
    }

    @Override
    public long invoke(SyscallContext c) {
        return files.write(c, c.arg(0), c.arg(1), c.arg(2));
    }
}
