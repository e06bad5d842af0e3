package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** gettid(): the calling thread's id (the pid for a process's first thread). */
public final class GettidCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return c.process().tid();
    }
}
