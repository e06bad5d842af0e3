package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;
import osbox.hw.memory.FrameStore;

/** asid=off: the ASID is ignored and every address-space switch flushes; asid=on keeps entries. */
class FlushOnSwitchTest {
    private static final long RW = V | R | W | U | A | D;
    private static final long SHARED = 0x3000, ONLY1 = 0x1000;
    private final FrameStore mem = new FrameStore(16 << 20);
    private final PageTables space1 = new PageTables(mem, 16);
    private final PageTables space2 = new PageTables(mem, 64);

    FlushOnSwitchTest() {
        space1.map(SHARED, 0x311, RW, KIB4);
        space1.map(ONLY1, 0x301, RW, KIB4);
        space2.map(SHARED, 0x312, RW, KIB4);
    }

    private Sv39TranslationUnit make(boolean asids) {
        return new Sv39TranslationUnit(0, mem, new TlbConfig(64, 4, asids, false));
    }

    // The CPU's fast-path read: the ppn if way 0 translates va for a read now, else -1.
    private static long fastPpn(TranslationUnit u, long va) {
        int i = (int) (va >>> 12) & u.tlbMask();
        return u.readTags()[i] == ((va >>> 12) | u.asidTag()) ? u.ppns()[i] : -1;
    }

    @Test
    void everySwitchFlushesAndNothingHitsAcrossAddressSpaces() {
        Sv39TranslationUnit u = make(false);
        assertFalse(u.asids());
        u.setSatp(space1.satp(1));                                     // Bare -> space 1: flush 1
        assertTrue(u.refill(SHARED, Access.READ));
        assertEquals(0x311, fastPpn(u, SHARED));
        u.setSatp(space2.satp(2));                                     // flush 2
        assertEquals(-1, fastPpn(u, SHARED), "space 1's entry is gone, not aliased to space 2");
        assertEquals(0, u.validEntries());
        assertTrue(u.refill(SHARED, Access.READ));
        assertEquals(0x312, fastPpn(u, SHARED));
        u.setSatp(space2.satp(2));                                     // same satp: no flush
        assertEquals(0x312, fastPpn(u, SHARED));
        u.setSatp(space1.satp(1));                                     // flush 3
        assertEquals(-1, fastPpn(u, SHARED));
        assertTrue(u.refill(SHARED, Access.READ));
        assertEquals(0x311, fastPpn(u, SHARED));
        assertEquals(new TlbStatistics(3, 3, 3, 0, 3, 0, 0), u.statistics());
    }

    @Test
    void theAsidFieldReadsAsZeroAndIsNotInTheTags() {
        Sv39TranslationUnit u = make(false);
        u.setSatp(space1.satp(1234));
        assertEquals(TranslationUnit.satp(TranslationUnit.MODE_SV39, 0, space1.root), u.satp());
        assertEquals(0, u.asidTag());
        u.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 99, space1.root));
        assertEquals(1, u.statistics().flushes(), "only the ASID differs: the same address space, no flush");
    }

    @Test
    void flushesIgnoreTheAsid() {
        Sv39TranslationUnit u = make(false);
        assertTrue(u.refill(0x5000, Access.READ));                     // Bare entry
        u.setSatp(space1.satp(1));                                     // flush (drops the Bare entry too)
        assertTrue(u.refill(ONLY1, Access.READ));
        assertTrue(u.refill(SHARED, Access.READ));
        u.flushPage(SHARED, 77);                                       // any ASID names the entry
        assertEquals(-1, fastPpn(u, SHARED));
        assertEquals(0x301, fastPpn(u, ONLY1));
        u.setSatp(0);                                                  // flush
        assertTrue(u.refill(0x5000, Access.READ));
        u.setSatp(space1.satp(1));                                     // flush
        assertTrue(u.refill(ONLY1, Access.READ));
        u.flushAsid(42);                                               // drops every Sv39 entry
        assertEquals(0, u.validEntries());
        assertEquals(5, u.statistics().flushes(), "two explicit flushes and three switches");
    }

    @Test
    void withAsidsSwitchesDoNotFlushAndEntriesComeBack() {
        Sv39TranslationUnit u = make(true);
        u.setSatp(space1.satp(1));
        assertTrue(u.refill(SHARED, Access.READ));
        u.setSatp(space2.satp(2));
        assertEquals(-1, fastPpn(u, SHARED));
        assertTrue(u.refill(SHARED, Access.READ));
        u.setSatp(space1.satp(1));
        assertEquals(-1, fastPpn(u, SHARED), "space 2's entry is in way 0 now");
        assertTrue(u.refill(SHARED, Access.READ), "found in way 1: no walk");
        assertEquals(0x311, fastPpn(u, SHARED));
        assertEquals(new TlbStatistics(3, 2, 2, 0, 0, 1, 0), u.statistics());
    }

    @Test
    void asidModeSwitchesAtRunTimeWithAFlush() {
        Sv39TranslationUnit u = make(true);
        u.setSatp(space1.satp(3));
        assertTrue(u.refill(SHARED, Access.READ));
        u.setAsids(false);
        assertEquals(0, u.validEntries());
        assertEquals(0, u.asidTag());
        assertEquals(new TlbConfig(64, 4, false, false), u.config());
        assertTrue(u.refill(SHARED, Access.READ));
        assertEquals(0x311, fastPpn(u, SHARED));
        u.setAsids(true);
        assertEquals(0, u.validEntries());
        assertEquals(0, u.asidTag(), "the ASID field was cleared while ASIDs were off");
        u.setSatp(space1.satp(3));
        assertEquals(3L << 52, u.asidTag());
        assertEquals(2, u.statistics().flushes());
        u.setAsids(true);
        assertEquals(2, u.statistics().flushes(), "no change, no flush");
    }
}
