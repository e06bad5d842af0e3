package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.memory.AddressSpace;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * mmap(addr, len, prot, flags, fd, offset): anonymous mappings, zero-filled
 * on first touch: private ones (copy-on-write after fork) or shared ones
 * (MAP_SHARED: the same pages in every process that inherits them by fork).
 * File mappings need a file system: EBADF, as for a closed descriptor.
 * A mapping beyond the caller's RLIMIT_AS fails with ENOMEM.
 */
public final class MmapCall implements KernelSyscall {
    static final int MAP_SHARED = 0x01, MAP_PRIVATE = 0x02, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20;

    @Override
    public long invoke(SyscallFrame c) {
        long addr = c.arg(0);
        long len = c.arg(1);
        int prot = (int) c.arg(2);
        int flags = (int) c.arg(3);
        if (len == 0 || (flags & (MAP_SHARED | MAP_PRIVATE)) == 0 || (prot & ~7) != 0) {
            return -Errno.EINVAL;
        }
        if ((flags & MAP_ANONYMOUS) == 0) {
            return -Errno.EBADF;
        }
        if (Long.compareUnsigned(len, AddressSpace.MMAP_TOP) > 0) {
            return -Errno.ENOMEM;        // as Linux's get_unmapped_area: longer than the user half
        }
        boolean fixed = (flags & MAP_FIXED) != 0;
        if (fixed && Long.compareUnsigned(addr, AddressSpace.MMAP_TOP - len) > 0) {
            return -Errno.ENOMEM;        // Linux: addr > TASK_SIZE - len (kernel-looking, non-canonical)
        }
        if (fixed && ((addr & 0xfff) != 0 || addr < 0x1000)) {
            return -Errno.EINVAL;
        }
        long bytes = AddressSpaceLimit.pages(len);
        if (!AddressSpaceLimit.allows(c.process(), bytes, fixed ? addr : 0, fixed ? bytes : 0)) {
            return -Errno.ENOMEM;        // Linux: may_expand_vm refuses past RLIMIT_AS
        }
        AddressSpace space = c.process().space();
        long at = (flags & MAP_SHARED) != 0 ? space.mapShared(addr, len, Prot.of(prot), fixed)
                : space.mapAnonymous(addr, len, Prot.of(prot), fixed);
        return at < 0 ? -Errno.ENOMEM : at;
    }
}
