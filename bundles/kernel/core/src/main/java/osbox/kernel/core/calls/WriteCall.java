package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** write(fd, buf, count): writes to the open file fd refers to; EPIPE also raises SIGPIPE. */
public final class WriteCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return Fds.brokenPipe(c, Fds.transfer(c, c.arg(0), c.arg(1), c.arg(2), (f, b, n) -> f.file.write(c, b, n)));
    }
}
