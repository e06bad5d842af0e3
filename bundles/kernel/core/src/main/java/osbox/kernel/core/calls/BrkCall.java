package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** brk(addr): moves the program break; returns the new break, or the old one when refused (Linux semantics). */
public final class BrkCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return c.process().space().brk(c.arg(0));
    }
}
