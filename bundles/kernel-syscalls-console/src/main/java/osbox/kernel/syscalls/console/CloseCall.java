package osbox.kernel.syscalls.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** close(fd) of a console descriptor. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.CLOSE, SyscallHandler.NAME + "=close"})
public final class CloseCall implements SyscallHandler {
    private final ConsoleFiles files;

    @Activate
    public CloseCall(@Reference ConsoleFiles files) {
        this.files = files;
    }

    @Override
    public long invoke(SyscallContext c) {
        return files.close(c, c.arg(0));
    }
}
