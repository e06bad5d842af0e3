package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** close(fd): 0, or EBADF when fd is not open. */
public final class CloseCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return Fds.table(c).close(c.arg(0));
    }
}
