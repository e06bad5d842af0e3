package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** read(fd, buf, count): reads from the open file fd refers to. */
public final class ReadCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return Fds.transfer(c, c.arg(0), c.arg(1), c.arg(2), (f, b, n) -> f.file.read(c, b, n));
    }
}
