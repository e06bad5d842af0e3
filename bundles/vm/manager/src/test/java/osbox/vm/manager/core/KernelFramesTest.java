package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Pte;
import osbox.hw.memory.FrameStore;
import osbox.testkit.hw.FakeMachine;

/**
 * The kernel's frame pool: reserved at boot from the top of memory, outside
 * the users' frames, zeroed when handed out, never mapped into a user space
 * nor evicted, counted in the statistics.
 */
class KernelFramesTest {
    static final int FRAMES = 128;

    // A VM manager over FRAMES frames with a pool of kernelFrames and 1 MiB of swap.
    static VmManager manager(FrameStore memory, int kernelFrames) {
        return new VmManager(new FakeMachine(1, memory), new VmManager.Settings(1 << 20,
                VmManager.Settings.SWAP_CYCLES, VmManager.Settings.SEED, kernelFrames));
    }

    @Test
    void thePoolIsTheTopFramesZeroedAndOutsideTheUsersFrames() {
        FrameStore memory = new FrameStore(FRAMES * VmFixture.PAGE);
        Arrays.fill(memory.frame(FRAMES - 8), (byte) 0x5a);
        VmManager m = manager(memory, 8);
        assertEquals(FRAMES - 8, m.frames().total(), "the users' frames");
        assertEquals(8L, m.statistics().get("frames.kernel"));
        long first = m.allocateKernelFrame();
        assertEquals(FRAMES - 8, first, "the lowest frame of the pool first");
        for (byte b : memory.frame(first)) {
            assertEquals(0, b, "handed out zeroed");
        }
        assertEquals(1L, m.statistics().get("frames.kernel.used"));
        assertEquals(0, m.frames().used(), "the users' allocator gave nothing");
        m.freeKernelFrame(first);
        assertEquals(0L, m.statistics().get("frames.kernel.used"));
        assertEquals(first, m.allocateKernelFrame(), "the freed frame comes back");
    }

    @Test
    void anExhaustedPoolLendsFreeUserFramesThenAnswersMinusOne() {
        VmManager m = manager(new FrameStore(FRAMES * VmFixture.PAGE), 2);
        long a = m.allocateKernelFrame();
        long b = m.allocateKernelFrame();
        assertTrue(a >= 0 && b >= 0 && a != b);
        assertEquals(0, m.frames().used(), "the pool's frames are not the users'");
        long lent = m.allocateKernelFrame();
        assertTrue(lent >= 0 && lent != a && lent != b, "the pool is exhausted: a free user frame is lent");
        assertEquals(1, m.frames().used(), "the lent frame is the users' allocator's");
        m.freeKernelFrame(lent);
        assertEquals(0, m.frames().used(), "and goes back to it");
        m.freeKernelFrame(a);
        assertThrows(IllegalStateException.class, () -> m.freeKernelFrame(a), "freed twice");
        assertThrows(IllegalStateException.class, () -> m.freeKernelFrame(3), "a frame not handed out");
        VmManager none = manager(new FrameStore(FRAMES * VmFixture.PAGE), 0);
        long n = 0;
        while (n < FRAMES && none.allocateKernelFrame() >= 0) {
            n++;
        }
        assertEquals(-1, none.allocateKernelFrame(), "no pool and no free frame left");
        assertEquals(none.frames().total(), n, "without a pool every free frame can be lent, and no more");
    }

    @Test
    void aPoolOfMoreThanHalfOfMemoryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> manager(new FrameStore(FRAMES * VmFixture.PAGE),
                FRAMES / 2 + 1));
    }

    @Test
    void pagingUnderPressureNeverUsesNorEvictsAKernelFrame() {
        FrameStore memory = new FrameStore(FRAMES * VmFixture.PAGE);
        VmManager m = manager(memory, 16);
        Set<Long> kernel = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            long k = m.allocateKernelFrame();
            memory.store(k << 12, 8, 0x1234_5678L + i);
            kernel.add(k);
        }
        PagedAddressSpace space = m.createAddressSpace(1);
        space.loadSegment(0x10000, new byte[] {1, 2, 3}, 0, 3, 3, Pte.R | Pte.X);
        space.initHeap(0x10003);
        int pages = FRAMES * 2;
        space.brk(SwapTest.HEAP + pages * VmFixture.PAGE);
        CopyMemory user = new CopyMemory(memory, space);
        for (int i = 0; i < pages; i++) {
            long va = SwapTest.HEAP + i * VmFixture.PAGE;
            assertTrue(user.writeLong(va, i), "page " + i);
            assertFalse(kernel.contains(Pte.ppn(space.pte(va))), "a user page in a kernel frame");
        }
        assertTrue(m.pageOuts() > 0, "memory was under pressure");
        int i = 0;
        for (long k : kernel.stream().sorted().toList()) {
            assertEquals(0x1234_5678L + i++, memory.load(k << 12, 8), "kernel frame " + k + " kept its bytes");
        }
        space.destroy();
    }
}
