package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * munmap(addr, len): removes mappings in the range; addr must be page
 * aligned and the range inside the user half (as Linux's
 * {@code len > TASK_SIZE - start}, so a length that would wrap around is
 * refused too).
 */
public final class MunmapCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long addr = c.arg(0);
        long len = c.arg(1);
        if ((addr & 0xfff) != 0 || len <= 0 || addr < 0
                || len > osbox.api.memory.AddressSpace.STACK_TOP - addr) {
            return -Errno.EINVAL;
        }
        c.process().space().unmap(addr, len);
        return 0;
    }
}
