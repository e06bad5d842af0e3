package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** exit(status): ends the calling thread; its process ends with its last thread. */
public final class ExitCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.exits().exitThread(c.process(), (int) c.arg(0));
        return NO_RETURN;
    }
}
