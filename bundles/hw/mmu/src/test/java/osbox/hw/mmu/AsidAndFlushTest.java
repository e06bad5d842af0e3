package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.hw.mmu.PageTables.A;
import static osbox.hw.mmu.PageTables.D;
import static osbox.hw.mmu.PageTables.KIB4;
import static osbox.hw.mmu.PageTables.R;
import static osbox.hw.mmu.PageTables.U;
import static osbox.hw.mmu.PageTables.V;
import static osbox.hw.mmu.PageTables.W;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.hw.memory.FrameStore;

/** Entries of several address spaces in one TLB, and the three flushes. */
class AsidAndFlushTest {
    private static final long RW = V | R | W | U | A | D;
    private static final long VA1 = 0x1000, VA2 = 0x2000, SHARED = 0x3000;
    private final FrameStore mem = new FrameStore(16 << 20);
    private final PageTables space1 = new PageTables(mem, 16);
    private final PageTables space2 = new PageTables(mem, 64);
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(0, mem, 256);

    AsidAndFlushTest() {
        space1.map(VA1, 0x301, RW, KIB4);
        space1.map(SHARED, 0x311, RW, KIB4);
        space2.map(VA2, 0x302, RW, KIB4);
        space2.map(SHARED, 0x312, RW, KIB4);
    }

    // The CPU's fast-path read check: does the TLB translate va for a read right now?
    private boolean hits(long va) {
        int i = (int) (va >>> 12) & unit.tlbMask();
        return unit.readTags()[i] == ((va >>> 12) | unit.asidTag());
    }

    private static int index(long va) {
        return (int) (va >>> 12) & 255;
    }

    @Test
    void entriesOfTwoAddressSpacesCoexistAcrossSatpSwitches() {
        unit.setSatp(space1.satp(1));
        assertTrue(unit.refill(VA1, Access.READ));
        unit.setSatp(space2.satp(2));
        assertTrue(!hits(VA1), "space 2 does not see space 1's entry");
        assertTrue(unit.refill(VA2, Access.READ));
        long misses = unit.statistics().misses();
        unit.setSatp(space1.satp(1));
        assertTrue(hits(VA1), "space 1's entry survived the switches");
        assertTrue(!hits(VA2));
        unit.setSatp(space2.satp(2));
        assertTrue(hits(VA2));
        assertEquals(misses, unit.statistics().misses(), "no walk was needed");
    }

    @Test
    void sameVirtualPageInTwoSpacesNeverAliases() {
        unit.setSatp(space1.satp(1));
        assertTrue(unit.refill(SHARED, Access.READ));
        assertEquals(0x311, unit.ppns()[index(SHARED)]);
        unit.setSatp(space2.satp(2));
        assertTrue(!hits(SHARED));
        assertTrue(unit.refill(SHARED, Access.READ));
        assertEquals(0x312, unit.ppns()[index(SHARED)]);
        unit.setSatp(space1.satp(1));
        assertTrue(!hits(SHARED), "direct-mapped: space 2's entry replaced space 1's");
    }

    @Test
    void flushAsidDropsOnlyThatSpace() {
        unit.refill(0x5000, Access.READ);                                  // a Bare-mode entry
        unit.setSatp(space1.satp(1));
        unit.refill(VA1, Access.READ);
        unit.setSatp(space2.satp(2));
        unit.refill(VA2, Access.READ);
        unit.flushAsid(1);
        assertEquals(-1, unit.readTags()[index(VA1)]);
        assertEquals(-1, unit.writeTags()[index(VA1)]);
        assertNull(unit.pages()[index(VA1)]);
        assertTrue(hits(VA2));
        assertNotEquals(-1, unit.readTags()[index(0x5000)], "Bare entries have no ASID");
    }

    @Test
    void flushAsidUsesTheElevenAsidBits() {
        unit.setSatp(space1.satp(1));
        unit.refill(VA1, Access.READ);
        unit.flushAsid(0x801);                                             // same low 11 bits as 1
        assertTrue(!hits(VA1));
    }

    @Test
    void flushPageDropsOneEntryOfOneSpace() {
        unit.setSatp(space1.satp(1));
        unit.refill(VA1, Access.READ);
        unit.refill(SHARED, Access.READ);
        unit.flushPage(VA1 + 0x123, 2);                                    // wrong space: nothing
        assertTrue(hits(VA1));
        unit.flushPage(VA1 + 0x123, 1);
        assertTrue(!hits(VA1));
        assertTrue(hits(SHARED));
    }

    @Test
    void flushAllDropsEverything() {
        unit.refill(0x5000, Access.READ);
        unit.setSatp(space1.satp(1));
        unit.refill(VA1, Access.READ);
        unit.setSatp(space2.satp(2));
        unit.refill(VA2, Access.READ);
        unit.flushAll();
        for (int i = 0; i <= unit.tlbMask(); i++) {
            assertEquals(-1, unit.readTags()[i]);
            assertEquals(-1, unit.writeTags()[i]);
            assertEquals(-1, unit.execTags()[i]);
            assertNull(unit.pages()[i]);
        }
    }

    @Test
    void conflictingPagesEvictEachOtherInATinyTlb() {
        Sv39TranslationUnit one = new Sv39TranslationUnit(0, mem, 1);
        one.setSatp(space1.satp(1));
        assertEquals(0, one.tlbMask());
        one.refill(VA1, Access.READ);
        one.refill(SHARED, Access.READ);
        assertEquals(0x311, one.ppns()[0]);
        assertNotEquals((VA1 >>> 12) | one.asidTag(), one.readTags()[0]);
    }
}
