package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** dup3(oldfd, newfd, flags): newfd refers to oldfd's open file (closing what it had); flags may hold O_CLOEXEC. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.DUP3, SyscallHandler.NAME + "=dup3"})
public final class Dup3Call implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        long oldfd = c.arg(0);
        long newfd = c.arg(1);
        long flags = c.arg(2);
        var f = Fds.table(c).get(oldfd);
        if (f == null || newfd < 0 || newfd >= osbox.kernel.core.files.FileTable.MAX) {
            return -Errno.EBADF;
        }
        if (oldfd == newfd || (flags & ~Fds.O_CLOEXEC) != 0) {
            return -Errno.EINVAL;
        }
        Fds.table(c).put((int) newfd, f, (flags & Fds.O_CLOEXEC) != 0);
        return newfd;
    }
}
