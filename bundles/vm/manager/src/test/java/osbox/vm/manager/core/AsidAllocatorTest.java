package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AsidAllocatorTest {
    @Test
    void allocatesOneToTwoThousandFortySevenInOrderThenShared() {
        AsidAllocator a = new AsidAllocator();
        for (int i = 1; i <= 2047; i++) {
            assertEquals(i, a.allocate());
        }
        assertEquals(AsidAllocator.SHARED, a.allocate());
        assertEquals(AsidAllocator.SHARED, a.allocate());
    }

    @Test
    void releasedAsidIsReusedLowestFirst() {
        AsidAllocator a = new AsidAllocator();
        for (int i = 1; i <= 10; i++) {
            a.allocate();
        }
        a.release(7);
        a.release(3);
        assertEquals(3, a.allocate());
        assertEquals(7, a.allocate());
        assertEquals(11, a.allocate());
    }

    @Test
    void releaseAfterExhaustionMakesRoomAgain() {
        AsidAllocator a = new AsidAllocator();
        for (int i = 0; i < 2047; i++) {
            a.allocate();
        }
        assertEquals(AsidAllocator.SHARED, a.allocate());
        a.release(1500);
        assertEquals(1500, a.allocate());
        assertEquals(AsidAllocator.SHARED, a.allocate());
    }

    @Test
    void releasingSharedFreesNothing() {
        AsidAllocator a = new AsidAllocator();
        a.release(AsidAllocator.SHARED);
        assertEquals(1, a.allocate(), "0 is never handed out as a private ASID");
    }
}
