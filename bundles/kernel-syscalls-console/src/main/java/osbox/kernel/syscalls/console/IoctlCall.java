package osbox.kernel.syscalls.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** ioctl(fd, request, arg): the console answers as a non-terminal stream would (ENOTTY), like a pipe. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.IOCTL, SyscallHandler.NAME + "=ioctl"})
public final class IoctlCall implements SyscallHandler {
    private final ConsoleFiles files;

    @Activate
    public IoctlCall(@Reference ConsoleFiles files) {
        this.files = files;
    }

    @Override
    public long invoke(SyscallContext c) {
        return files.isOpen(c, c.arg(0)) ? -Errno.ENOTTY : -Errno.EBADF;
    }
}
