package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** gettid(): the thread id, equal to the pid while processes have one thread. */
public final class GettidCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return c.process().pid();
    }
}
