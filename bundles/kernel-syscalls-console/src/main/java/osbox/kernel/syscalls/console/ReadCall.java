package osbox.kernel.syscalls.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** read(fd, buf, count) from the console on descriptor 0; sleeps until input arrives. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.READ, SyscallHandler.NAME + "=read"})
public final class ReadCall implements SyscallHandler {
    private final ConsoleFiles files;

    @Activate
    public ReadCall(@Reference ConsoleFiles files) {
        this.files = files;
    }

    @Override
    public long invoke(SyscallContext c) {
        return files.read(c, c.arg(0), c.arg(1), c.arg(2));
    }
}
