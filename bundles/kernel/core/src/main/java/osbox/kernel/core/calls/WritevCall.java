package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** writev(fd, iov, iovcnt): gathers the iovec buffers into one write; EPIPE also raises SIGPIPE. */
public final class WritevCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return Fds.brokenPipe(c, Fds.vector(c, c.arg(0), c.arg(1), c.arg(2), true, (f, b, n) -> f.file.write(c, b, n)));
    }
}
