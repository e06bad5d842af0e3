package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.hw.mmu.PageTables.A;
import static osbox.hw.mmu.PageTables.D;
import static osbox.hw.mmu.PageTables.KIB4;
import static osbox.hw.mmu.PageTables.MIB2;
import static osbox.hw.mmu.PageTables.R;
import static osbox.hw.mmu.PageTables.U;
import static osbox.hw.mmu.PageTables.V;
import static osbox.hw.mmu.PageTables.W;
import static osbox.hw.mmu.PageTables.X;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.hw.memory.FrameStore;

/** The walker's A and D updates (Svadu) and the write tag that depends on D. */
class AccessedDirtyTest {
    private static final long VA = 0x10_0000;
    private final FrameStore mem = new FrameStore(16 << 20);
    private final PageTables pt = new PageTables(mem, 16);
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(0, mem, 256);
    private final int i = (int) (VA >>> 12) & 255;

    private void mapClean(long flags) {
        pt.map(VA, 0x300, flags, KIB4);
        unit.setSatp(pt.satp(1));
    }

    @Test
    void readSetsAccessedOnly() {
        mapClean(V | R | W | U);
        assertTrue(unit.refill(VA, Access.READ));
        long pte = pt.pte(VA, KIB4);
        assertEquals(A, pte & (A | D));
        assertEquals(0x300, pte >>> 10, "the PPN is kept");
    }

    @Test
    void executeSetsAccessedOnly() {
        mapClean(V | R | X | U);
        assertTrue(unit.refill(VA, Access.EXECUTE));
        assertEquals(A, pt.pte(VA, KIB4) & (A | D));
    }

    @Test
    void writeSetsAccessedAndDirty() {
        mapClean(V | R | W | U);
        assertTrue(unit.refill(VA, Access.WRITE));
        assertEquals(A | D, pt.pte(VA, KIB4) & (A | D));
    }

    @Test
    void translateSetsTheBitsToo() {
        mapClean(V | R | W | U);
        assertEquals(0x300_010L, unit.translate(VA + 0x10, Access.READ));
        assertEquals(A, pt.pte(VA, KIB4) & (A | D));
        assertEquals(0x300_010L, unit.translate(VA + 0x10, Access.WRITE));
        assertEquals(A | D, pt.pte(VA, KIB4) & (A | D));
    }

    @Test
    void faultingAccessLeavesThePteUntouched() {
        mapClean(V | R | U);
        assertFalse(unit.refill(VA, Access.WRITE));
        assertEquals(V | R | U, pt.pte(VA, KIB4) & 0xff);
    }

    @Test
    void superpageLeafGetsTheBits() {
        pt.map(0x20_0000, 0x400, V | R | W | U, MIB2);
        unit.setSatp(pt.satp(1));
        assertTrue(unit.refill(0x21_0000, Access.WRITE));
        assertEquals(A | D, pt.pte(0x20_0000, MIB2) & (A | D));
    }

    @Test
    void readRefillOfCleanPageInstallsNoWriteTagButWriteRefillDoes() {
        mapClean(V | R | W | U);
        long tag = (VA >>> 12) | unit.asidTag();
        assertTrue(unit.refill(VA, Access.READ));
        assertEquals(tag, unit.readTags()[i]);
        assertEquals(-1, unit.writeTags()[i], "clean page: a store must come back to set D");
        assertTrue(unit.refill(VA, Access.WRITE));
        assertEquals(tag, unit.writeTags()[i]);
        assertEquals(tag, unit.readTags()[i]);
    }

    @Test
    void readRefillOfDirtyPageInstallsTheWriteTag() {
        mapClean(V | R | W | U | A | D);
        assertTrue(unit.refill(VA, Access.READ));
        assertEquals((VA >>> 12) | unit.asidTag(), unit.writeTags()[i]);
    }

    @Test
    void clearedDirtyBitAfterFlushPageIsSetAgainByTheNextWrite() {
        mapClean(V | R | W | U);
        assertTrue(unit.refill(VA, Access.WRITE));
        pt.map(VA, 0x300, V | R | W | U | A, KIB4);                        // the kernel cleans the page
        unit.flushPage(VA, 1);
        assertTrue(unit.refill(VA, Access.READ));
        assertEquals(-1, unit.writeTags()[i]);
        assertTrue(unit.refill(VA, Access.WRITE));
        assertEquals(D, pt.pte(VA, KIB4) & D);
    }
}
