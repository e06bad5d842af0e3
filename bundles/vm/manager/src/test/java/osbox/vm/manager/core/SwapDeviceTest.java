package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.api.memory.AddressSpace;

/**
 * Swap on a block device (through a fake block layer whose I/Os complete
 * 1000 cycles after submission): the user fault that needs the disk
 * answers WAIT and is woken when its I/O completes; a victim's frame is
 * free only when its write completed; the swap cache writes a clean page
 * once.
 */
class SwapDeviceTest {
    static final long HEAP = SwapTest.HEAP;
    static final long PAGE = VmFixture.PAGE;
    static final long LATENCY = 1000;

    final VmFixture f = new VmFixture(0, 12, 0);
    final FakeBlockLayer disk = new FakeBlockLayer(f, 512, LATENCY); // 256 KiB: 64 slots

    SwapDeviceTest() {
        f.vm.useSwapDevice(new BlockSwapBackend(disk, "vda"));
    }

    int waits;

    // What a hart does: the access if the PTE allows it (setting A, and D for a write, like the walker),
    // else a fault; a WAIT sleeps (runs the disk's events) until the fault's I/O completes, then retries.
    long access(PagedAddressSpace s, long va, int access, long value) {
        for (int tries = 0; tries < 100; tries++) {
            long pteAddr = s.pageTable().slot(va & -PAGE, false);
            long pte = pteAddr < 0 ? 0 : f.mem.load(pteAddr, 8);
            if (pteAddr >= 0 && (pte & Pte.V) != 0 && PageMappings.permits(pte, access)) {
                long pa = (Pte.ppn(pte) << 12) | (va & (PAGE - 1));
                f.mem.store(pteAddr, 8, pte | Pte.A | (access == Access.WRITE ? Pte.D : 0));
                if (access == Access.WRITE) {
                    f.mem.store(pa, 8, value);
                    return value;
                }
                return f.mem.load(pa, 8);
            }
            int r = s.handleFault(va, access);
            if (r == AddressSpace.WAIT) {
                waits++;
                boolean[] woke = {false};
                s.onFaultReady(() -> woke[0] = true);
                disk.runUntil(() -> woke[0]);
            } else {
                assertEquals(AddressSpace.SERVED, r, "fault at 0x" + Long.toHexString(va));
            }
        }
        throw new AssertionError("no progress at 0x" + Long.toHexString(va));
    }

    @Test
    void aWorkingSetSeveralTimesMemoryGoesThroughTheDiskAndKeepsItsContents() {
        PagedAddressSpace s = SwapTest.program(f, 40);
        for (int i = 0; i < 40; i++) {
            access(s, HEAP + i * PAGE, Access.WRITE, 1000 + i);
        }
        for (int i = 0; i < 40; i++) {
            assertEquals(1000 + i, access(s, HEAP + i * PAGE, Access.READ, 0), "page " + i);
        }
        disk.drain();
        SwapIo io = f.vm.swapIo();
        assertTrue(io.diskPageOuts() >= 31, "pages written to the disk: " + io.diskPageOuts());
        assertEquals(io.diskPageOuts(), disk.count(IoOperation.WRITE));
        assertEquals(f.vm.pageIns(), io.diskPageIns(), "every page-in of a user fault read the disk");
        assertEquals(io.diskPageIns(), disk.count(IoOperation.READ));
        assertTrue(waits > 0 && io.waits() == waits, "faults slept: " + waits);
        assertEquals(0, f.vm.takeCycles(), "the disk's time is waited, not charged");
        assertTrue(io.readCycles() >= LATENCY * io.diskPageIns());
        for (BlockIo b : disk.submitted) {
            assertEquals(8, b.count());
            assertEquals(1, b.segments());
            assertEquals(0, b.pid());
            assertEquals(b.operation() == IoOperation.READ, b.has(BlockIo.SYNC), "page-ins are SYNC");
        }
        // the first page's slot on the disk holds what was written (the first page went out first)
        long slot = disk.submitted.get(0).sector() / 8;
        assertEquals(1000, disk.diskLong(slot * PAGE + 0), "the disk holds the page's bytes");
        assertEquals(40, s.residentPages() + s.swappedPages());
        s.destroy();
        disk.drain();
        assertEquals(0, f.vm.swap().used(), "every slot freed, cached ones too");
        assertEquals(0, f.frames.used());
    }

    @Test
    void aVictimsFrameIsFreeOnlyWhenItsWriteCompletes() {
        PagedAddressSpace s = SwapTest.program(f, 40);
        int i = 0;
        while (f.frames.available() > 0) {
            access(s, HEAP + i++ * PAGE, Access.WRITE, i);
        }
        assertEquals(0, f.vm.swapIo().writebacks());
        int r = s.handleFault(HEAP + i * PAGE, Access.WRITE);
        assertEquals(AddressSpace.WAIT, r, "memory is full: a victim is written back first");
        assertEquals(1, f.vm.swapIo().writebacks());
        assertEquals(0, f.frames.available(), "the victim's frame is not free yet");
        boolean[] woke = {false};
        s.onFaultReady(() -> woke[0] = true);
        disk.runUntil(() -> woke[0]);
        assertEquals(LATENCY, f.clock, "woken when the write completed");
        assertEquals(1, f.frames.available());
        assertEquals(AddressSpace.SERVED, s.handleFault(HEAP + i * PAGE, Access.WRITE), "the retry finds it");
    }

    @Test
    void aSecondFaultOnAPageBeingReadWaitsOnTheSameRead() {
        PagedAddressSpace s = SwapTest.program(f, 40);
        for (int i = 0; i < 20; i++) {
            access(s, HEAP + i * PAGE, Access.WRITE, i);
        }
        disk.drain();
        assertTrue(Pte.isSwapped(s.pte(HEAP)), "the first page is in swap");
        long reads = disk.count(IoOperation.READ);
        while (disk.count(IoOperation.READ) == reads) {
            // memory is full: the first WAIT may be for a victim's writeback, then the read starts
            assertEquals(AddressSpace.WAIT, s.handleFault(HEAP, Access.READ));
            boolean[] woke = {false};
            s.onFaultReady(() -> woke[0] = true);
            if (disk.count(IoOperation.READ) == reads) {
                disk.runUntil(() -> woke[0]);
            }
        }
        int[] woken = {0};
        s.onFaultReady(() -> woken[0]++);
        assertEquals(AddressSpace.WAIT, s.handleFault(HEAP + 8, Access.WRITE), "another thread, same page");
        s.onFaultReady(() -> woken[0]++);
        assertEquals(reads + 1, disk.count(IoOperation.READ), "one read for both");
        assertTrue(Pte.isSwapped(s.pte(HEAP)), "not mapped before the data is there");
        disk.runUntil(() -> woken[0] == 2 && (s.pte(HEAP) & Pte.V) != 0);
        assertTrue((s.pte(HEAP) & Pte.V) != 0, "mapped when the read completed");
        assertEquals(0, access(s, HEAP, Access.READ, 0));
    }

    @Test
    void theSwapCacheWritesACleanPageOnce() {
        PagedAddressSpace s = SwapTest.program(f, 40);
        access(s, HEAP, Access.WRITE, 77);
        // push page 0 out with 20 other pages
        for (int i = 1; i <= 20; i++) {
            access(s, HEAP + i * PAGE, Access.WRITE, i);
        }
        disk.drain();
        long slot = Pte.ppn(s.pte(HEAP));
        assertTrue(Pte.isSwapped(s.pte(HEAP)));
        assertEquals(1, writesOf(slot), "evicted: one write");
        assertEquals(77, access(s, HEAP, Access.READ, 0), "paged in, read only");
        assertEquals(1, f.vm.swapIo().cached(), "its slot is kept");
        assertTrue(f.vm.swap().inUse(slot));
        for (int i = 21; i <= 40 && !Pte.isSwapped(s.pte(HEAP)); i++) {
            access(s, HEAP + (i % 40) * PAGE, Access.WRITE, i);
        }
        disk.drain();
        assertTrue(Pte.isSwapped(s.pte(HEAP)), "evicted again");
        assertEquals(slot, Pte.ppn(s.pte(HEAP)), "to the slot it kept");
        assertEquals(1, writesOf(slot), "nothing written: one write, not two");
        assertEquals(1, f.vm.swapIo().cacheHits());
        assertEquals(77, access(s, HEAP, Access.READ, 0), "and it comes back intact");
        // written after coming back: the cached slot is stale and goes; the next eviction writes
        access(s, HEAP, Access.WRITE, 78);
        assertEquals(0, f.vm.swapIo().cached() > 0 && isCached(s, HEAP) ? 1 : 0, "dirty pages are not hits");
        for (int i = 1; i <= 20 && !Pte.isSwapped(s.pte(HEAP)); i++) {
            access(s, HEAP + i * PAGE, Access.WRITE, i);
        }
        disk.drain();
        assertEquals(1, f.vm.swapIo().cacheHits(), "the dirty page was written, not a hit");
        assertEquals(78, access(s, HEAP, Access.READ, 0));
    }

    // Whether the page at va is resident with a slot kept in the swap cache (and not dirty yet).
    private boolean isCached(PagedAddressSpace s, long va) {
        long pte = s.pte(va);
        return (pte & Pte.V) != 0 && (pte & Pte.D) == 0;
    }

    @Test
    void aSlotsCacheEntryIsFreedWhenItsProcessExits() {
        PagedAddressSpace s = SwapTest.program(f, 40);
        for (int i = 0; i <= 20; i++) {
            access(s, HEAP + i * PAGE, Access.WRITE, i);
        }
        access(s, HEAP, Access.READ, 0);
        disk.drain();
        assertTrue(f.vm.swapIo().cached() >= 1);
        s.destroy();
        disk.drain();
        assertEquals(0, f.vm.swapIo().cached());
        assertEquals(0, f.vm.swap().used());
    }

    @Test
    void aFailedReadFallsBackToTheSwapAreasCopy() {
        PagedAddressSpace s = SwapTest.program(f, 40);
        for (int i = 0; i <= 20; i++) {
            access(s, HEAP + i * PAGE, Access.WRITE, 500 + i);
        }
        disk.drain();
        disk.failNext = 1;
        assertEquals(500, access(s, HEAP, Access.READ, 0));
        assertEquals(1, f.vm.swapIo().errors());
    }

    @Test
    void swapMovesOntoADeviceOnlyBeforeAnythingIsPagedOut() {
        VmFixture g = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = SwapTest.program(g, 40);
        SwapTest.writeAll(g, s, 40, 1);
        FakeBlockLayer other = new FakeBlockLayer(g, 512, LATENCY);
        assertThrows(IllegalStateException.class, () -> g.vm.useSwapDevice(new BlockSwapBackend(other, "vda")));
        assertThrows(IllegalArgumentException.class, () -> new BlockSwapBackend(other, "vdz"));
        assertEquals(64, f.vm.swap().slots(), "the area is the disk's size");
    }

    @Test
    void theKernelsOwnAccessesTakeTheSynchronousPath() {
        PagedAddressSpace s = SwapTest.program(f, 40);
        for (int i = 0; i <= 20; i++) {
            access(s, HEAP + i * PAGE, Access.WRITE, 300 + i);
        }
        disk.drain();
        long reads = disk.count(IoOperation.READ);
        long cycles = f.vm.takeCycles();
        SwapTest.checkAll(f, s, 0, 0); // nothing
        CopyMemory kernel = new CopyMemory(f.mem, s);
        long[] v = new long[1];
        assertTrue(kernel.readLong(HEAP, v));
        assertEquals(300, v[0]);
        assertEquals(reads, disk.count(IoOperation.READ), "no disk read: the swap area's copy");
        assertTrue(f.vm.takeCycles() > cycles, "charged as before");
    }

    private long writesOf(long slot) {
        return disk.submitted.stream()
                .filter(b -> b.operation() == IoOperation.WRITE && b.sector() == slot * 8).count();
    }
}
