package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
