package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** set_tid_address(tidptr): remembers tidptr and returns the tid (nothing clears it at exit yet: no threads). */
public final class SetTidAddressCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.process().setClearChildTid(c.arg(0));
        return c.process().pid();
    }
}
