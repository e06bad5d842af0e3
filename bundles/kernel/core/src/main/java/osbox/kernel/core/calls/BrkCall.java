package osbox.kernel.core.calls;

import osbox.api.memory.AddressSpace;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * brk(addr): moves the program break; returns the new break, or the old one
 * when refused (Linux semantics), as when growing the heap would pass the
 * caller's RLIMIT_AS.
 */
public final class BrkCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        AddressSpace space = c.process().space();
        long old = space.currentBrk();
        long requested = c.arg(0);
        if (Long.compareUnsigned(requested, old) > 0 && Long.compareUnsigned(requested, AddressSpace.MMAP_TOP) < 0) {
            long grow = AddressSpaceLimit.pages(requested) - AddressSpaceLimit.pages(old);
            if (!AddressSpaceLimit.allows(c.process(), grow, 0, 0)) {
                return old;
            }
        }
        return space.brk(requested);
    }
}
