package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * mprotect(addr, len, prot): changes permissions of mapped pages; ENOMEM
 * where nothing is mapped, and (as Linux) when the page-rounded range
 * wraps around the address space.
 */
public final class MprotectCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long addr = c.arg(0);
        long len = c.arg(1);
        int prot = (int) c.arg(2);
        if ((addr & 0xfff) != 0 || len < 0 || (prot & ~7) != 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        if (addr + ((len + 0xfff) & -0x1000L) <= addr) {
            return -Errno.ENOMEM; // Linux: end <= start
        }
        return c.process().space().protect(addr, len, Prot.of(prot)) ? 0 : -Errno.ENOMEM;
    }
}
