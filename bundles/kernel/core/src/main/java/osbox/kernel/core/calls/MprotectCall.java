package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * mprotect(addr, len, prot): changes permissions of mapped pages, with
 * Linux's order of checks (mm/mprotect.c, do_mprotect_pkey): PROT_GROWSDOWN
 * and PROT_GROWSUP together EINVAL; addr not page-aligned EINVAL; len 0
 * does nothing; len (a size_t) rounded up to pages wrapping past the top
 * of the address space, or to nothing, ENOMEM; then a prot bit other than
 * PROT_READ, PROT_WRITE, PROT_EXEC and PROT_SEM (accepted and ignored, as
 * riscv's arch_validate_prot) EINVAL; PROT_GROWSDOWN or PROT_GROWSUP alone
 * EINVAL (no mapping of osbox grows); ENOMEM where nothing is mapped
 * (the range reaching past the user half included).
 */
public final class MprotectCall implements KernelSyscall {
    static final int PROT_SEM = 0x8, PROT_GROWSDOWN = 0x0100_0000, PROT_GROWSUP = 0x0200_0000;

    @Override
    public long invoke(SyscallFrame c) {
        long addr = c.arg(0);
        long len = c.arg(1);
        int prot = (int) c.arg(2);
        int grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
        prot &= ~grows;
        if (grows == (PROT_GROWSDOWN | PROT_GROWSUP) || (addr & 0xfff) != 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        long end = addr + ((len + 0xfff) & -0x1000L);
        if (Long.compareUnsigned(end, addr) <= 0) {
            return -Errno.ENOMEM;   // Linux: end <= start
        }
        if ((prot & ~(7 | PROT_SEM)) != 0 || grows != 0) {
            return -Errno.EINVAL;
        }
        if (Long.compareUnsigned(end, Fds.USER_TOP) > 0) {
            return -Errno.ENOMEM;   // past the user half: no mapping there (Linux finds no vma)
        }
        return c.process().space().protect(addr, end - addr, Prot.of(prot & 7)) ? 0 : -Errno.ENOMEM;
    }
}
