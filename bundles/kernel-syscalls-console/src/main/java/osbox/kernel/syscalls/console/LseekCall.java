package osbox.kernel.syscalls.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** lseek(fd, offset, whence): the console cannot seek (ESPIPE). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.LSEEK, SyscallHandler.NAME + "=lseek"})
public final class LseekCall implements SyscallHandler {
    private final ConsoleFiles files;

    @Activate
    public LseekCall(@Reference ConsoleFiles files) {
        this.files = files;
    }

    @Override
    public long invoke(SyscallContext c) {
        return files.isOpen(c, c.arg(0)) ? -Errno.ESPIPE : -Errno.EBADF;
    }
}
