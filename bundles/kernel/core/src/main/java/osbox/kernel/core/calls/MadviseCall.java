package osbox.kernel.core.calls;

import java.util.List;
import osbox.api.kernel.Errno;
import osbox.api.memory.MemoryRegion;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * madvise(addr, len, advice): advice about a range's use, with Linux's
 * checks (mm/madvise.c): addr not page-aligned EINVAL; an advice osbox's
 * Linux does not know, or one needing what osbox has not (KSM, huge pages,
 * MADV_REMOVE's shmem, hardware poisoning), EINVAL; len rounded up to pages
 * wrapping EINVAL; len 0 does nothing; a range with unmapped pages ENOMEM.
 * Every known advice is accepted and changes nothing: read-ahead and
 * fork-time hints have nothing to act on, and MADV_DONTNEED and MADV_FREE
 * keep the pages' contents (Linux zero-fills a private anonymous page on
 * its next touch; glibc, which calls it on a finished thread's stack and a
 * shrinking arena, does not read them again).
 */
public final class MadviseCall implements KernelSyscall {
    // Linux's advice values osbox accepts: NORMAL, RANDOM, SEQUENTIAL, WILLNEED, DONTNEED, FREE, DONTFORK,
    // DOFORK, DONTDUMP, DODUMP, WIPEONFORK, KEEPONFORK, COLD, PAGEOUT, POPULATE_READ, POPULATE_WRITE
    private static final long ACCEPTED = 0b1111_1111_0000_1101_0001_1111L;

    @Override
    public long invoke(SyscallFrame c) {
        long addr = c.arg(0);
        long len = c.arg(1);
        long advice = c.arg(2);
        if ((addr & 0xfff) != 0 || advice < 0 || advice > 63 || (ACCEPTED & (1L << advice)) == 0) {
            return -Errno.EINVAL;
        }
        long pages = (len + 0xfff) & -0x1000L;
        if (len != 0 && pages == 0) {
            return -Errno.EINVAL;   // rounding wrapped
        }
        long end = addr + pages;
        if (Long.compareUnsigned(end, addr) < 0) {
            return -Errno.EINVAL;
        }
        if (end == addr) {
            return 0;
        }
        return covered(c.process().space().memoryRegions(), addr, end) ? 0 : -Errno.ENOMEM;
    }

    // Whether the regions (in address order) map every page of [start, end).
    static boolean covered(List<MemoryRegion> regions, long start, long end) {
        long at = start;
        for (MemoryRegion r : regions) {
            if (Long.compareUnsigned(r.end(), at) <= 0) {
                continue;
            }
            if (Long.compareUnsigned(r.start(), at) > 0) {
                return false;   // a hole at `at`
            }
            at = r.end();
            if (Long.compareUnsigned(at, end) >= 0) {
                return true;
            }
        }
        return false;
    }
}
