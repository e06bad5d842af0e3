package osbox.kernel.core.calls;

import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryRegion;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ResourceLimits;

/**
 * RLIMIT_AS as mmap and brk enforce it (Linux's may_expand_vm): a mapping
 * that would take the process's address space past its soft limit fails
 * with ENOMEM (brk keeps the old break). The address space counted is every
 * region but the stack (the image, the heap, the mappings); the stack is
 * bounded by RLIMIT_STACK instead.
 */
final class AddressSpaceLimit {
    private AddressSpaceLimit() {
    }

    /**
     * Whether p may map {@code grow} more bytes of address space, after
     * {@code [replaced, replaced + replacedLen)} (page aligned; length 0 for
     * none) stops counting: a MAP_FIXED mapping replaces what was there.
     */
    static boolean allows(Process p, long grow, long replaced, long replacedLen) {
        long limit = p.limits().soft(ResourceLimits.RLIMIT_AS);
        if (limit == ResourceLimits.INFINITY) {
            return true;
        }
        long mapped = 0;
        long overlap = 0;
        for (MemoryRegion r : p.space().memoryRegions()) {
            if (r.kind() == MemoryRegion.Kind.STACK) {
                continue;
            }
            mapped += r.end() - r.start();
            long from = Math.max(r.start(), replaced);
            long to = Math.min(r.end(), replaced + replacedLen);
            overlap += Math.max(0, to - from);
        }
        long after = mapped - overlap + grow;
        return after >= 0 && Long.compareUnsigned(after, limit) <= 0;
    }

    /** {@code len} rounded up to whole pages (len below the user half's size). */
    static long pages(long len) {
        return (len + AddressSpace.PAGE - 1) & -AddressSpace.PAGE;
    }
}
