package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** exit_group(status): ends every thread of the calling process, which exits with code status &amp; 0xff. */
public final class ExitGroupCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.exits().exit(c.process(), (int) c.arg(0));
        return NO_RETURN;
    }
}
