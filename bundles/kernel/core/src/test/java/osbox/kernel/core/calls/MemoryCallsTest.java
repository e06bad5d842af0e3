package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.api.memory.AddressSpace;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * mmap, munmap, mprotect and brk: the argument checks Linux makes (and
 * their errno), and what a successful call does to the caller's memory,
 * through the kernel's trap path on a bench.
 */
class MemoryCallsTest {
    static final long RW = AddressSpace.PROT_READ | AddressSpace.PROT_WRITE;
    static final long PRIVATE = MmapCall.MAP_PRIVATE | MmapCall.MAP_ANONYMOUS;
    static final long SHARED = MmapCall.MAP_SHARED | MmapCall.MAP_ANONYMOUS;
    static final long FIXED = MmapCall.MAP_FIXED;
    static final long PAGE = AddressSpace.PAGE;
    static final long KERNEL = 0xffff_ffc0_0000_0000L;
    private final KernelBench k = new KernelBench();
    private Process p;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("mm");
    }

    private long mmap(long addr, long len, long prot, long flags) {
        return k.call(p, Syscalls.MMAP, addr, len, prot, flags, -1, 0);
    }

    @Test
    void mmapRefusesWhatLinuxRefuses() {
        assertEquals(-Errno.EINVAL, mmap(0, 0, RW, PRIVATE), "no length");
        assertEquals(-Errno.EINVAL, mmap(0, PAGE, RW, MmapCall.MAP_ANONYMOUS), "neither shared nor private");
        assertEquals(-Errno.EINVAL, mmap(0, PAGE, 8, PRIVATE), "an unknown prot bit");
        assertEquals(-Errno.EBADF, mmap(0, PAGE, RW, MmapCall.MAP_PRIVATE), "a file mapping, no file");
        assertEquals(-Errno.ENOMEM, mmap(0, 1L << 40, RW, PRIVATE), "longer than the mmap area");
        assertEquals(-Errno.ENOMEM, mmap(0, -PAGE, RW, PRIVATE), "a length that is negative as a long");
        assertEquals(-Errno.ENOMEM, mmap(KERNEL, PAGE, RW, PRIVATE | FIXED), "fixed at a kernel address");
        assertEquals(-Errno.ENOMEM, mmap(AddressSpace.MMAP_TOP - PAGE, 2 * PAGE, RW, PRIVATE | FIXED),
                "fixed, running past the top");
        assertEquals(-Errno.EINVAL, mmap(0x2000_0001L, PAGE, RW, PRIVATE | FIXED), "fixed, not page aligned");
        assertEquals(-Errno.EINVAL, mmap(0, PAGE, RW, PRIVATE | FIXED), "fixed at page 0");
    }

    @Test
    void mmapPlacesMappingsTopDownOrWhereFixedAndTheyReadAsZero() {
        long a = mmap(0, 2 * PAGE, RW, PRIVATE);
        assertEquals(0, a % PAGE);
        assertTrue(a > 0 && a + 2 * PAGE <= AddressSpace.MMAP_TOP);
        long b = mmap(0, 100, RW, PRIVATE);
        assertEquals(a - PAGE, b, "top-down, a length rounded up to a page");
        long fixed = mmap(0x2000_0000L, PAGE, RW, PRIVATE | FIXED);
        assertEquals(0x2000_0000L, fixed);
        assertArrayEquals(new byte[16], k.bytes(p, fixed + 100, 16), "zero-filled on first touch");
        assertTrue(p.userMemory().writeLong(a + PAGE + 8, 42));
        long readOnly = mmap(0, PAGE, AddressSpace.PROT_READ, PRIVATE);
        assertFalse(p.userMemory().writeLong(readOnly, 1), "PROT_READ: not writable");
    }

    @Test
    void aSharedMappingIsSharedWithTheChildAndAPrivateOneIsCopiedOnWrite() {
        long shared = mmap(0, PAGE, RW, SHARED);
        long priv = mmap(0, PAGE, RW, PRIVATE);
        assertTrue(p.userMemory().writeLong(shared, 1));
        assertTrue(p.userMemory().writeLong(priv, 1));
        Process child = k.process(k.call(p, Syscalls.CLONE, 17, 0, 0, 0, 0));
        assertTrue(child.userMemory().writeLong(shared, 2));
        assertTrue(child.userMemory().writeLong(priv, 2));
        long[] v = new long[1];
        assertTrue(p.userMemory().readLong(shared, v));
        assertEquals(2, v[0], "MAP_SHARED: the child's write is the parent's");
        assertTrue(p.userMemory().readLong(priv, v));
        assertEquals(1, v[0], "MAP_PRIVATE: the child wrote its own copy");
    }

    @Test
    void munmapChecksItsRangeAndUnmapsIt() {
        long a = mmap(0, 3 * PAGE, RW, PRIVATE);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MUNMAP, a + 1, PAGE), "not page aligned");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MUNMAP, a, 0), "no length");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MUNMAP, KERNEL, PAGE), "a kernel address");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MUNMAP, AddressSpace.STACK_TOP - PAGE, 2 * PAGE),
                "past the top of user memory");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MUNMAP, a, Long.MAX_VALUE),
                "a length that wraps around (found by syscallfuzz)");
        assertEquals(0, k.call(p, Syscalls.MUNMAP, a + PAGE, PAGE), "the middle page");
        assertTrue(p.userMemory().writeLong(a, 1));
        assertFalse(p.userMemory().writeLong(a + PAGE, 1), "gone");
        assertTrue(p.userMemory().writeLong(a + 2 * PAGE, 1));
        assertEquals(0, k.call(p, Syscalls.MUNMAP, a + PAGE, PAGE), "nothing mapped there any more: still 0");
    }

    @Test
    void mprotectChecksItsArgumentsAndChangesPermissions() {
        long a = mmap(0, 2 * PAGE, RW, PRIVATE);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MPROTECT, a + 8, PAGE, RW), "not page aligned");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MPROTECT, a, PAGE, 0x10), "an unknown prot bit");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MPROTECT, a, -PAGE, RW), "a length that wraps (size_t)");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MPROTECT, a, -1, 0x10), "the range before the prot bits");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MPROTECT, a, -1, 0x0300_0000), "GROWSDOWN|GROWSUP first");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MPROTECT, a, PAGE, 0x0100_0000), "no mapping grows down");
        assertEquals(0, k.call(p, Syscalls.MPROTECT, a, PAGE, RW | 0x8), "PROT_SEM is accepted (riscv)");
        assertEquals(0, k.call(p, Syscalls.MPROTECT, a, 0, RW), "nothing to change");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MPROTECT, 0x3000_0000L, PAGE, RW), "nothing mapped");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MPROTECT, a, 3 * PAGE, RW), "partly mapped");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MPROTECT, a, Long.MAX_VALUE, RW),
                "a range that wraps around (found by syscallfuzz: it threw inside the VM manager)");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MPROTECT, a, Long.MAX_VALUE - PAGE - 2, RW));
        assertTrue(p.userMemory().writeLong(a + PAGE, 7));
        assertEquals(0, k.call(p, Syscalls.MPROTECT, a + PAGE, PAGE, AddressSpace.PROT_READ));
        assertFalse(p.userMemory().writeLong(a + PAGE, 8), "read-only now");
        long[] v = new long[1];
        assertTrue(p.userMemory().readLong(a + PAGE, v));
        assertEquals(7, v[0]);
        assertTrue(p.userMemory().writeLong(a, 1), "the other page is still writable");
    }

    @Test
    void madviseChecksAsLinuxAndKeepsThePages() {
        long a = mmap(0, 2 * PAGE, RW, PRIVATE);
        assertTrue(p.userMemory().writeLong(a, 42));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MADVISE, a + 8, PAGE, 4), "not page aligned");
        for (long unknown : new long[] {5, 6, 7, 9, 12, 14, 24, 25, 64, 100, -1}) {
            assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MADVISE, a, PAGE, unknown), "advice " + unknown);
        }
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.MADVISE, a, -1, 4), "a length whose rounding wraps");
        assertEquals(0, k.call(p, Syscalls.MADVISE, a, 0, 4), "nothing to advise");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MADVISE, 0x3000_0000L, PAGE, 0), "nothing mapped");
        assertEquals(-Errno.ENOMEM, k.call(p, Syscalls.MADVISE, a, 3 * PAGE, 0), "partly mapped");
        for (long advice : new long[] {0, 1, 2, 3, 4, 8, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23}) {
            assertEquals(0, k.call(p, Syscalls.MADVISE, a, 2 * PAGE - 100, advice), "advice " + advice);
        }
        long[] v = new long[1];
        assertTrue(p.userMemory().readLong(a, v));
        assertEquals(42, v[0], "the page is still there");
    }

    @Test
    void brkMovesTheBreakAndAnswersTheOldOneWhenRefused() {
        long start = k.call(p, Syscalls.BRK, 0);
        assertEquals(0, start % PAGE, "the heap starts on the page after the program");
        assertTrue(start > KernelBench.TEXT);
        assertEquals(start + 10_000, k.call(p, Syscalls.BRK, start + 10_000));
        assertTrue(p.userMemory().writeLong(start + 9_992, 5), "the new heap is there");
        assertEquals(start + 10_000, k.call(p, Syscalls.BRK, 1), "below the heap: refused, the break stays");
        long fixed = mmap(start + 4 * PAGE, PAGE, RW, PRIVATE | FIXED);
        assertEquals(start + 4 * PAGE, fixed);
        assertEquals(start + 10_000, k.call(p, Syscalls.BRK, start + 8 * PAGE), "into a mapping: refused");
        assertEquals(start + 100, k.call(p, Syscalls.BRK, start + 100), "shrinking");
        assertFalse(p.userMemory().writeLong(start + 2 * PAGE, 5), "the pages above the break are gone");
    }
}
