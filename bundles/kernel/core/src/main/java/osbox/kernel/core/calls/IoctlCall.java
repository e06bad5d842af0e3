package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** ioctl(fd, request, arg): passed to the open file (ENOTTY when it does not know the request). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.IOCTL, SyscallHandler.NAME + "=ioctl"})
public final class IoctlCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        var f = Fds.table(c).get(c.arg(0));
        return f == null ? -Errno.EBADF : f.file.ioctl(c, c.arg(1), c.arg(2));
    }
}
