package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * set_tid_address(tidptr): remembers tidptr, whose word is set to 0 and
 * woken as a futex when the thread ends; returns the caller's tid.
 */
public final class SetTidAddressCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        c.process().setClearChildTid(c.arg(0));
        return c.process().tid();
    }
}
