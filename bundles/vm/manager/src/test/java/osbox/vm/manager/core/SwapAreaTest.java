package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SwapAreaTest {
    private static byte[] page(int fill) {
        byte[] b = new byte[SwapArea.PAGE];
        Arrays.fill(b, (byte) fill);
        b[17] = (byte) (fill + 1);
        return b;
    }

    @Test
    void slotsAreHandedOutLowestFirstAndReused() {
        SwapArea s = new SwapArea(4 * SwapArea.PAGE, 100);
        assertEquals(4, s.slots());
        assertEquals(0, s.pageOut(page(1)));
        assertEquals(1, s.pageOut(page(2)));
        assertEquals(2, s.pageOut(page(3)));
        s.free(1);
        assertEquals(1, s.pageOut(page(4)), "the lowest free slot again");
        assertEquals(3, s.pageOut(page(5)));
        assertEquals(-1, s.pageOut(page(6)), "full");
        assertEquals(4, s.used());
        assertEquals(0, s.available());
        assertEquals(4, s.peakUsed());
        assertEquals(100, s.cycles());
    }

    @Test
    void aPageComesBackAsItWentOut() {
        SwapArea s = new SwapArea(1 << 20, 0);
        long a = s.pageOut(page(9));
        long b = s.pageOut(page(10));
        byte[] dst = new byte[SwapArea.PAGE];
        s.pageIn(a, dst);
        assertArrayEquals(page(9), dst);
        s.pageIn(b, dst);
        assertArrayEquals(page(10), dst);
        assertEquals(2, s.writes());
        assertEquals(2, s.reads());
    }

    @Test
    void aSharedSlotLivesUntilItsLastReferenceIsFreed() {
        SwapArea s = new SwapArea(1 << 20, 0);
        long a = s.pageOut(page(3));
        s.share(a);
        assertEquals(2, s.references(a));
        s.free(a);
        assertEquals(1, s.references(a));
        assertTrue(s.pageOut(page(4)) != a, "still in use: not handed out again");
        byte[] dst = new byte[SwapArea.PAGE];
        s.pageIn(a, dst);
        assertArrayEquals(page(3), dst);
        s.free(a);
        assertEquals(0, s.references(a));
    }

    @Test
    void misuseIsRefused() {
        SwapArea s = new SwapArea(2 * SwapArea.PAGE, 0);
        assertThrows(IllegalStateException.class, () -> s.free(0), "never used");
        long a = s.pageOut(page(1));
        s.free(a);
        assertThrows(IllegalStateException.class, () -> s.free(a), "freed twice");
        assertThrows(IllegalStateException.class, () -> s.pageIn(a, new byte[SwapArea.PAGE]));
        assertThrows(IllegalArgumentException.class, () -> s.pageOut(new byte[10]));
        assertThrows(IllegalArgumentException.class, () -> new SwapArea(-1, 0));
        assertFalse(s.inUse(5));
    }

    @Test
    void noSwapHasNoRoom() {
        SwapArea s = SwapArea.none();
        assertEquals(0, s.slots());
        assertEquals(-1, s.pageOut(page(0)));
    }
}
