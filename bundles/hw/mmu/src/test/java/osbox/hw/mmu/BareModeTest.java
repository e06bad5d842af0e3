package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.hw.memory.FrameStore;

class BareModeTest {
    private final FrameStore mem = new FrameStore(1 << 20);            // 256 frames
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(0, mem, 64);

    @Test
    void startsInBareModeWithTheBareTag() {
        assertEquals(0, unit.satp());
        assertEquals(1L << 63, unit.asidTag());
    }

    @Test
    void translatesIdentityInsideMemory() {
        assertEquals(0x12345, unit.translate(0x12345, Access.READ));
        assertEquals(0xff008, unit.translate(0xff008, Access.WRITE));
        assertEquals(0, unit.translate(0, Access.EXECUTE));
    }

    @Test
    void refillInstallsEveryPermission() {
        long va = 0x5123;
        assertTrue(unit.refill(va, Access.READ));
        int i = (int) (va >>> 12) & unit.tlbMask();
        long tag = (va >>> 12) | unit.asidTag();
        assertEquals(tag, unit.readTags()[i]);
        assertEquals(tag, unit.writeTags()[i]);
        assertEquals(tag, unit.execTags()[i]);
        assertEquals(5, unit.ppns()[i]);
        assertSame(mem.frame(5), unit.pages()[i]);
    }

    @Test
    void addressesOutsideMemoryFault() {
        assertFalse(unit.refill(1 << 20, Access.READ));
        assertEquals(-1, unit.translate((1 << 20) + 5, Access.WRITE));
        assertEquals(-1, unit.translate(-4096, Access.READ));
        assertFalse(unit.refill(0x8000_0000_0000_0000L, Access.EXECUTE));
        int i = (int) ((1 << 20) >>> 12) & unit.tlbMask();
        assertEquals(-1, unit.readTags()[i]);
        assertEquals(4, unit.statistics().faults());
    }
}
