package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameAllocatorTest {
    @Test
    void handsOutLowestFramesFirst() {
        FrameAllocator a = new FrameAllocator(10, 4);
        assertEquals(10, a.allocate());
        assertEquals(11, a.allocate());
        assertEquals(12, a.allocate());
        assertEquals(13, a.allocate());
    }

    @Test
    void exhaustionReturnsMinusOne() {
        FrameAllocator a = new FrameAllocator(0, 2);
        a.allocate();
        a.allocate();
        assertEquals(-1, a.allocate());
        assertEquals(-1, a.allocate());
        assertEquals(2, a.used());
        assertEquals(0, a.available());
    }

    @Test
    void releasedFrameIsReusedFirst() {
        FrameAllocator a = new FrameAllocator(0, 8);
        a.allocate();
        long f1 = a.allocate();
        a.allocate();
        a.release(f1);
        assertEquals(f1, a.allocate());
        assertEquals(3, a.allocate(), "then the untouched frames, lowest first");
    }

    @Test
    void allFramesComeBackAfterExhaustion() {
        FrameAllocator a = new FrameAllocator(5, 3);
        long x = a.allocate(), y = a.allocate(), z = a.allocate();
        assertEquals(-1, a.allocate());
        a.release(y);
        assertEquals(y, a.allocate());
        a.release(x);
        a.release(y);
        a.release(z);
        assertEquals(0, a.used());
        assertEquals(3, a.available());
    }

    @Test
    void countsUsedAvailableTotal() {
        FrameAllocator a = new FrameAllocator(100, 50);
        assertEquals(50, a.total());
        assertEquals(0, a.used());
        assertEquals(50, a.available());
        a.allocate();
        a.allocate();
        assertEquals(2, a.used());
        assertEquals(48, a.available());
        assertEquals(50, a.total());
    }

    @Test
    void freeingWhenEverythingIsFreeIsCaught() {
        FrameAllocator a = new FrameAllocator(0, 2);
        long f = a.allocate();
        a.release(f);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.release(f));
        assertEquals("frame 0 freed twice: it is already free", e.getMessage());
        assertEquals(0, a.used());
    }

    @Test
    void peakRemembersTheHighWaterMark() {
        FrameAllocator a = new FrameAllocator(0, 10);
        assertEquals(0, a.peakUsed());
        long f1 = a.allocate(), f2 = a.allocate();
        a.allocate();
        a.release(f1);
        a.release(f2);
        a.allocate();
        assertEquals(3, a.peakUsed());
        assertEquals(2, a.used());
        for (int i = 0; i < 8; i++) {
            a.allocate();
        }
        assertEquals(10, a.peakUsed());
    }

    @Test
    void badRangesRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FrameAllocator(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new FrameAllocator(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameAllocator(Integer.MAX_VALUE - 1, 4));
    }

    @Test
    void freedFramesComeBackLastFreedFirstBeforeAnyNeverUsedFrame() {
        FrameAllocator a = new FrameAllocator(0, 8);
        for (int i = 0; i < 5; i++) {
            a.allocate();
        }
        a.release(1);
        a.release(3);
        a.release(0);
        assertEquals(0, a.allocate());
        assertEquals(3, a.allocate());
        assertEquals(1, a.allocate());
        assertEquals(5, a.allocate());
        assertEquals(6, a.everUsed());
    }

    @Test
    void theTopFramesOfARangeEndingAtTheLimitAreHandedOut() {
        long first = Integer.MAX_VALUE - 3L;
        FrameAllocator a = new FrameAllocator(first, 3);
        assertEquals(first, a.allocate());
        assertEquals(first + 1, a.allocate());
        assertEquals(first + 2, a.allocate());
        assertEquals(-1, a.allocate());
        a.share(first + 2);
        assertEquals(2, a.references(first + 2));
        assertFalse(a.release(first + 2), "a reference remains");
        assertTrue(a.release(first + 2), "the last reference frees it");
        assertEquals(first + 2, a.allocate());
        assertThrows(IllegalArgumentException.class, () -> a.release(first + 3));
        assertThrows(IllegalArgumentException.class, () -> a.references(first - 1));
    }

    @Test
    void aLargeRangeCostsOneCountChunkPerFourThousandFramesUsed() {
        FrameAllocator a = new FrameAllocator(0, 1L << 30);
        assertEquals(0, a.chunksAllocated());
        for (int i = 0; i < SparseTable.CHUNK + 1; i++) {
            a.allocate();
        }
        assertEquals(2, a.chunksAllocated());
        assertEquals((1L << 30) - SparseTable.CHUNK - 1, a.available());
    }
}
