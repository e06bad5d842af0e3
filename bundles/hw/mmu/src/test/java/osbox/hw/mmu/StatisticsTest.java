package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static osbox.hw.mmu.PageTables.A;
import static osbox.hw.mmu.PageTables.KIB4;
import static osbox.hw.mmu.PageTables.R;
import static osbox.hw.mmu.PageTables.U;
import static osbox.hw.mmu.PageTables.V;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.TlbStatistics;
import osbox.hw.memory.FrameStore;

class StatisticsTest {
    private final FrameStore mem = new FrameStore(16 << 20);
    private final PageTables pt = new PageTables(mem, 16);
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(0, mem, 256);

    @Test
    void countsRefillsWalksFaultsFlushesAndReportedAccesses() {
        pt.map(0x1000, 0x300, V | R | U | A, KIB4);
        unit.setSatp(pt.satp(1));
        assertEquals(new TlbStatistics(0, 0, 0, 0, 0), unit.statistics());
        unit.countAccesses(10);
        unit.refill(0x1000, Access.READ);                                  // miss, walk
        unit.refill(0x2000, Access.READ);                                  // miss, walk, fault
        unit.refill(0x1000, Access.WRITE);                                 // miss, walk, fault
        unit.translate(0x1000, Access.READ);                               // walk
        unit.translate(0x9000, Access.READ);                               // walk, fault
        unit.flushAll();
        unit.flushAsid(1);
        unit.flushPage(0x1000, 1);
        unit.revokeWrite(0x300);                                           // not a flush
        unit.countAccesses(5);
        TlbStatistics s = unit.statistics();
        assertEquals(new TlbStatistics(18, 3, 5, 3, 3), s);
        assertEquals(15, s.hits());
    }

    @Test
    void negativeAccessCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> unit.countAccesses(-1));
    }

    @Test
    void unitsOfDifferentHartsCountSeparately() {
        Sv39TranslationUnit other = new Sv39TranslationUnit(1, mem, 256);
        unit.refill(0x1000, Access.READ);
        assertEquals(1, unit.statistics().misses());
        assertEquals(0, other.statistics().misses());
    }
}
