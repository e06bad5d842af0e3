package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** set_tid_address(tidptr): remembers tidptr (cleared at exit) and returns the tid. */
public final class SetTidAddressCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.process().setClearChildTid(c.arg(0));
        return c.process().pid();
    }
}
