package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static osbox.hw.mmu.PageTables.A;
import static osbox.hw.mmu.PageTables.KIB4;
import static osbox.hw.mmu.PageTables.R;
import static osbox.hw.mmu.PageTables.U;
import static osbox.hw.mmu.PageTables.V;
import static osbox.hw.mmu.PageTables.W;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.TranslationUnit;
import osbox.hw.memory.FrameStore;

/** Uses the TLB arrays exactly as the CPU's load and store fast paths will. */
class FastPathTest {
    private final FrameStore mem = new FrameStore(16 << 20);
    private final PageTables pt = new PageTables(mem, 16);
    private final TranslationUnit unit = new Sv39Mmu(64).createUnit(0, mem);
    private long fastHits;

    // A byte load as the CPU does it: tag and index, hit check, else refill and retry.
    private int load8(long va) {
        long vpn = va >>> 12;
        int i = (int) vpn & unit.tlbMask();
        long tag = vpn | unit.asidTag();
        if (unit.readTags()[i] == tag) {
            fastHits++;
            return unit.pages()[i][(int) (va & 0xfff)] & 0xff;
        }
        if (!unit.refill(va, Access.READ)) {
            throw new IllegalStateException("load page fault at " + Long.toHexString(va));
        }
        return load8(va);
    }

    // A byte store as the CPU does it.
    private void store8(long va, int value) {
        long vpn = va >>> 12;
        int i = (int) vpn & unit.tlbMask();
        long tag = vpn | unit.asidTag();
        if (unit.writeTags()[i] == tag) {
            fastHits++;
            unit.pages()[i][(int) (va & 0xfff)] = (byte) value;
            return;
        }
        if (!unit.refill(va, Access.WRITE)) {
            throw new IllegalStateException("store page fault at " + Long.toHexString(va));
        }
        store8(va, value);
    }

    @Test
    void loadsAndStoresGoThroughTheArraysToPhysicalMemory() {
        pt.map(0x4000_1000L, 0x300, V | R | W | U, KIB4);
        pt.map(0x4000_2000L, 0x2ff, V | R | U | A, KIB4);
        unit.setSatp(pt.satp(7));
        mem.store(0x300_123L, 1, 0xab);
        assertEquals(0xab, load8(0x4000_1123L));                            // miss, refill, hit
        assertEquals(0xab, load8(0x4000_1123L));                            // hit
        store8(0x4000_1124L, 0xcd);                                        // clean page: refill for D, then hit
        store8(0x4000_1125L, 0xef);                                        // hit
        assertEquals(0xcd, mem.load(0x300_124L, 1));
        assertEquals(0xef, mem.load(0x300_125L, 1));
        assertEquals(0xcd, load8(0x4000_1124L));
        assertEquals(5, fastHits);
        assertEquals(2, unit.statistics().misses());
        unit.countAccesses(fastHits);
        assertEquals(7, unit.statistics().accesses());
        assertThrows(IllegalStateException.class, () -> store8(0x4000_2000L, 1)); // read-only page
        assertThrows(IllegalStateException.class, () -> load8(0x4000_3000L));     // unmapped
    }

    @Test
    void bareModeFastPathReadsPhysicalMemory() {
        mem.store(0x7_0ff0L, 8, 0x1122334455667788L);
        assertEquals(0x88, load8(0x7_0ff0L));
        assertEquals(0x11, load8(0x7_0ff7L));
        store8(0x7_0ff0L, 0x99);
        assertEquals(0x99, mem.load(0x7_0ff0L, 1));
    }
}
