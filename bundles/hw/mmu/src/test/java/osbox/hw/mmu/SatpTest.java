package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import osbox.api.hw.TranslationUnit;
import osbox.hw.memory.FrameStore;

class SatpTest {
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(3, new FrameStore(1 << 20), 16);

    @Test
    void sv39SatpSetsTheAsidTag() {
        unit.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 5, 0x42));
        assertEquals(TranslationUnit.satp(8, 5, 0x42), unit.satp());
        assertEquals(5L << 52, unit.asidTag());
        assertEquals(3, unit.hartId());
    }

    @Test
    void asidKeepsOnlyElevenBits() {
        unit.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 0xffff, 7));
        assertEquals(TranslationUnit.satp(8, 0x7ff, 7), unit.satp());
        assertEquals(0x7ffL << 52, unit.asidTag());
        unit.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 0x1801, 7));
        assertEquals(1L << 52, unit.asidTag());
    }

    @Test
    void unsupportedModesAreIgnored() {
        long before = TranslationUnit.satp(TranslationUnit.MODE_SV39, 9, 0x10);
        unit.setSatp(before);
        for (int mode : new int[] {1, 7, 9, 10, 15}) {
            unit.setSatp(TranslationUnit.satp(mode, 3, 0x20));
            assertEquals(before, unit.satp(), "mode " + mode);
            assertEquals(9L << 52, unit.asidTag(), "mode " + mode);
        }
    }

    @Test
    void backToBareRestoresTheBareTag() {
        unit.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 2, 0x10));
        unit.setSatp(0);
        assertEquals(0, unit.satp());
        assertEquals(1L << 63, unit.asidTag());
    }

    @Test
    void arraysKeepTheirIdentity() {
        long[] r = unit.readTags();
        byte[][] p = unit.pages();
        unit.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 2, 0x10));
        unit.flushAll();
        unit.flushAsid(2);
        assertSame(r, unit.readTags());
        assertSame(p, unit.pages());
        assertEquals(15, unit.tlbMask());
    }
}
