package osbox.vm.manager.core;

import java.util.Arrays;
import osbox.api.hw.Pte;
import osbox.hw.memory.FrameStore;

/**
 * 16 MiB of memory whose low frames are dirty (so zero-filling is really
 * tested), a frame and ASID allocator, a recording shootdown.
 */
final class VmFixture {
    static final long PAGE = PagedAddressSpace.PAGE;
    final FrameStore mem;
    final FrameAllocator frames;
    final AsidAllocator asids = new AsidAllocator();
    final RecordingShootdown tlb = new RecordingShootdown();
    final VirtualMemory vm;
    long clock;

    VmFixture() {
        this(0, 4096);
    }

    VmFixture(long firstFrame, long frameCount) {
        this(firstFrame, frameCount, 0);
    }

    /** frameCount frames from firstFrame, and a swap area of swapBytes (transfers cost 10 cycles). */
    VmFixture(long firstFrame, long frameCount, long swapBytes) {
        this(new FrameStore(16L << 20), firstFrame, frameCount, swapBytes);
    }

    /** Over mem: frameCount frames from firstFrame, and a swap area of swapBytes (transfers cost 10 cycles). */
    VmFixture(FrameStore mem, long firstFrame, long frameCount, long swapBytes) {
        this.mem = mem;
        frames = new FrameAllocator(firstFrame, frameCount);
        vm = new VirtualMemory(mem, frames, new SwapArea(swapBytes, 10), () -> clock, 7, null);
        for (int i = 0; i < 512; i++) {
            Arrays.fill(mem.frame(i), (byte) 0x5a);
        }
    }

    /**
     * The page-table organisation the tests build spaces with: Sv39, or the
     * one named by the system property {@code osbox.vm.pagetable} (the build
     * runs the tests a second time with HASHED).
     */
    static final PageTable.Organisation ORGANISATION =
            PageTable.Organisation.valueOf(System.getProperty("osbox.vm.pagetable", "SV39"));

    /** Skips a test that counts Sv39 table frames when the tests run on another organisation. */
    static void assumeSv39() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ORGANISATION == PageTable.Organisation.SV39,
                "counts the frames of Sv39 page tables");
    }

    PagedAddressSpace space() {
        return PagedAddressSpace.create(vm, asids, tlb, ORGANISATION);
    }

    /**
     * Physical address of va through the space's page table (no permission
     * check), faulting the page in first as a read would (demand paging), or -1.
     */
    long pa(PagedAddressSpace s, long va) {
        long pte = pte(s, va);
        if ((pte & Pte.V) == 0) {
            return -1;
        }
        return (Pte.ppn(pte) << 12) | (va & (PAGE - 1));
    }

    /** The PTE of va after touching it (a read fault brings a demand page in). */
    long pte(PagedAddressSpace s, long va) {
        if ((s.pte(va) & Pte.V) == 0) {
            s.handleFault(va, osbox.api.hw.Access.READ);
        }
        return s.pte(va);
    }

    int byteAt(PagedAddressSpace s, long va) {
        long pa = pa(s, va);
        if (pa < 0) {
            throw new AssertionError("not mapped: " + Long.toHexString(va));
        }
        return (int) mem.load(pa, 1);
    }

    /** Whether every byte of the page at va is zero. */
    boolean pageIsZero(PagedAddressSpace s, long va) {
        byte[] f = mem.frame(Pte.ppn(pte(s, va)));
        for (byte b : f) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    static long flags(long pte) {
        return pte & 0xff;
    }
}
