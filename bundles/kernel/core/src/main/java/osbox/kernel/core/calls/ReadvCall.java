package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** readv(fd, iov, iovcnt): scatters what is read over the iovec buffers. */
public final class ReadvCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return Fds.vector(c, c.arg(0), c.arg(1), c.arg(2), false, (f, b, n) -> f.file.read(c, b, n));
    }
}
