package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** getpid(): the caller's process id. */
public final class GetpidCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return c.process().pid();
    }
}
