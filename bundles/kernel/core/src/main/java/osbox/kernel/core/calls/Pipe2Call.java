package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** pipe2(fds, flags): a pipe; fds[0] reads, fds[1] writes; flags O_CLOEXEC and O_NONBLOCK. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.PIPE2, SyscallHandler.NAME + "=pipe2"})
public final class Pipe2Call implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        long flags = c.arg(1);
        if ((flags & ~(Fds.O_CLOEXEC | Fds.O_NONBLOCK)) != 0) {
            return -Errno.EINVAL;
        }
        var k = osbox.kernel.core.syscall.KernelCall.of(c);
        return k.kernel().pipe(k.pcb(), c.arg(0), (flags & Fds.O_CLOEXEC) != 0, (flags & Fds.O_NONBLOCK) != 0);
    }
}
