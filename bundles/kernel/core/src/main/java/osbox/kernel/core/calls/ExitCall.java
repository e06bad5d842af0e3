package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** exit(status): ends the calling thread; with one thread per process, the process. */
public final class ExitCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.exits().exit(c.process(), (int) c.arg(0));
        return NO_RETURN;
    }
}
