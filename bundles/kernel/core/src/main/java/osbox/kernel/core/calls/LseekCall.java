package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** lseek(fd, offset, whence): moves the file offset (streams answer ESPIPE). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.LSEEK, SyscallHandler.NAME + "=lseek"})
public final class LseekCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        var f = Fds.table(c).get(c.arg(0));
        return f == null ? -Errno.EBADF : f.file.seek(c, c.arg(1), (int) c.arg(2));
    }
}
