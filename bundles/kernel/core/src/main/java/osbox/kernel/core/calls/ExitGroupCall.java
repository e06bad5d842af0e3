package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** exit_group(status): ends the calling process with exit code status & 0xff. */
public final class ExitGroupCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.exits().exit(c.process(), (int) c.arg(0));
        return NO_RETURN;
    }
}
