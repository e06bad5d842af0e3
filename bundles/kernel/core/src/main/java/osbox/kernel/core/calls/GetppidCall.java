package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** getppid(): the parent's process id (0 for a process the launcher started). */
public final class GetppidCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return c.process().ppid();
    }
}
