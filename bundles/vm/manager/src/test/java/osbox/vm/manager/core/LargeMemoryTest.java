package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Pte;
import osbox.hw.memory.FrameStore;
import osbox.testkit.hw.FakeMachine;

/**
 * 4 TiB of memory and 4 TiB of swap (2^30 frames, 2^30 slots: the
 * documented limit) cost host memory only for what is used.
 */
class LargeMemoryTest {
    static final long FOUR_TIB = 4L << 40;
    static final long PAGES = FOUR_TIB / VmFixture.PAGE;

    @Test
    void aVmManagerOfFourTebibytesAndFourTebibytesOfSwapMakesNoTableChunk() {
        FrameStore memory = new FrameStore(FOUR_TIB);
        VmManager manager = new VmManager(new FakeMachine(1, memory),
                new VmManager.Settings(FOUR_TIB, VmManager.Settings.SWAP_CYCLES, VmManager.Settings.SEED));
        assertEquals(PAGES, manager.frames().total());
        assertEquals(PAGES, manager.frames().available());
        assertEquals(PAGES, manager.swapSlots());
        assertEquals(0, manager.frameAllocator().chunksAllocated());
        assertEquals(0, manager.frameAllocator().everUsed());
        assertEquals(0, manager.vm().swap().chunksAllocated());
        assertEquals(0, memory.chunksAllocated());
        assertEquals(0, memory.framesAllocated());

        PagedAddressSpace space = manager.createAddressSpace(1);
        assertTrue(manager.frames().used() > 0, "the page table's root");
        assertEquals(manager.frames().used(), manager.frameAllocator().everUsed());
        assertEquals(1, manager.frameAllocator().chunksAllocated(), "the lowest frames' counts only");
        assertEquals(1, memory.chunksAllocated());
        space.destroy();
    }

    @Test
    void theTopFramesOfFourTebibytesPageToAFourTebibyteSwapAndBack() {
        FrameStore memory = new FrameStore(FOUR_TIB);
        VmFixture f = new VmFixture(memory, PAGES - 12, 12, FOUR_TIB);
        PagedAddressSpace s = SwapTest.program(f, 40);
        SwapTest.writeAll(f, s, 40, 500);
        SwapTest.checkAll(f, s, 40, 500);
        assertTrue(f.vm.pageOuts() >= 31, "pages went to swap: " + f.vm.pageOuts());
        long top = 0;
        for (int i = 0; i < 40; i++) {
            long pte = s.pte(SwapTest.HEAP + i * VmFixture.PAGE);
            if ((pte & Pte.V) != 0) {
                top = Math.max(top, Pte.ppn(pte));
            }
        }
        assertTrue(top >= PAGES - 12 && top < PAGES, "resident pages live in the top 12 frames: " + top);
        assertEquals(PAGES - 1, topFrameUsed(f), "the last frame of 4 TiB was used");
        assertEquals(1, f.frames.chunksAllocated());
        assertEquals(2, f.vm.swap().chunksAllocated(), "one chunk of slot pages and one of slot counts");
        // 512 low frames the fixture dirties, and the 12 at the top: one chunk each
        assertEquals(2, memory.chunksAllocated());
        assertEquals(512 + 12, memory.framesAllocated());
    }

    @Test
    void theLastSlotOfAFourTebibyteSwapIsCheckedLoudly() {
        SwapArea swap = new SwapArea(FOUR_TIB, 0);
        assertEquals(PAGES, swap.slots());
        assertFalse(swap.inUse(PAGES - 1));
        assertFalse(swap.inUse(PAGES));
        assertEquals(0, swap.references(PAGES - 1));
        assertThrows(IllegalStateException.class, () -> swap.free(PAGES - 1), "never used");
        assertThrows(IllegalStateException.class, () -> swap.pageIn(PAGES, new byte[SwapArea.PAGE]));
        assertThrows(IllegalStateException.class, () -> swap.share(PAGES));
        assertEquals(0, swap.pageOut(new byte[SwapArea.PAGE]), "the lowest slot first, as ever");
        assertEquals(2, swap.chunksAllocated());
    }

    @Test
    void theLastFrameOfFourTebibytesIsCheckedLoudly() {
        FrameAllocator frames = new FrameAllocator(0, PAGES);
        assertEquals(0, frames.references(PAGES - 1));
        IllegalStateException free = assertThrows(IllegalStateException.class, () -> frames.release(PAGES - 1));
        assertEquals("frame " + (PAGES - 1) + " freed twice: it is already free", free.getMessage());
        assertThrows(IllegalStateException.class, () -> frames.share(PAGES - 1));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> frames.references(PAGES));
        assertEquals("frame " + PAGES + " is not managed here", outside.getMessage());
        assertEquals(0, frames.chunksAllocated(), "refused calls make nothing");
    }

    // The highest frame the allocator has handed out.
    private static long topFrameUsed(VmFixture f) {
        return PAGES - 12 + f.frames.everUsed() - 1;
    }
}
