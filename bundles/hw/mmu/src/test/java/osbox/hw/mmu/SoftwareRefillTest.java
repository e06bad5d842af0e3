package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;
import osbox.hw.memory.FrameStore;

/** refill=software: no walker; misses are reported, the kernel installs entries. */
class SoftwareRefillTest {
    private final FrameStore mem = new FrameStore(4 << 20);
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(0, mem, new TlbConfig(8, 2, true, true));
    private final long satp7 = TranslationUnit.satp(TranslationUnit.MODE_SV39, 7, 0x10);

    SoftwareRefillTest() {
        mem.zeroFrame(0x10);
        unit.setSatp(satp7);
    }

    private boolean fastRead(long va) {
        int i = (int) (va >>> 12) & unit.tlbMask();
        return unit.readTags()[i] == ((va >>> 12) | unit.asidTag());
    }

    private boolean fastWrite(long va) {
        int i = (int) (va >>> 12) & unit.tlbMask();
        return unit.writeTags()[i] == ((va >>> 12) | unit.asidTag());
    }

    @Test
    void aMissDoesNotWalkAndAnInstallMakesItHit() {
        assertTrue(unit.softwareManaged());
        // The root table is empty, so a walk would fault; a miss is reported without one.
        assertFalse(unit.refill(0x4000, Access.READ));
        assertEquals(new TlbStatistics(1, 1, 0, 0, 0, 0, 0), unit.statistics());
        unit.install(0x4000, 7, 0x300, true, false, false);
        assertTrue(fastRead(0x4000));
        assertEquals(0x300, unit.ppns()[4 & unit.tlbMask()]);
        assertTrue(unit.refill(0x4abc, Access.READ), "the retried access finds the entry");
        assertEquals(0x300_abcL, unit.translate(0x4abc, Access.READ));
        assertEquals(new TlbStatistics(2, 1, 0, 0, 0, 0, 1), unit.statistics());
    }

    @Test
    void aWriteToAnEntryInstalledWithoutWriteMissesUntilTheKernelInstallsItDirty() {
        unit.install(0x4000, 7, 0x300, true, false, false);
        assertFalse(fastWrite(0x4000));
        assertFalse(unit.refill(0x4000, Access.WRITE), "a clean page: the first write traps");
        assertEquals(-1, unit.translate(0x4000, Access.WRITE));
        unit.install(0x4000, 7, 0x300, true, true, false);             // the kernel marks it dirty
        assertTrue(fastWrite(0x4000));
        assertEquals(1, unit.validEntries(), "the reinstall replaced the entry");
        assertTrue(unit.refill(0x4000, Access.WRITE));
        assertEquals(new TlbStatistics(2, 1, 0, 0, 0, 0, 2), unit.statistics());
    }

    @Test
    void translateLooksOnlyInTheTlbAndWithoutAsidMatchMisses() {
        assertEquals(-1, unit.translate(0x4000, Access.READ));
        unit.install(0x4000, 8, 0x300, true, true, true);              // another address space
        assertEquals(-1, unit.translate(0x4000, Access.READ));
        assertFalse(unit.refill(0x4000, Access.READ));
        unit.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 8, 0x10));
        assertEquals(0x300_000L, unit.translate(0x4000, Access.EXECUTE));
        assertEquals(0, unit.statistics().walks());
    }

    @Test
    void installsEvictTheLeastRecentlyUsedWay() {
        // 4 sets of 2 ways: pages 0x10, 0x14, 0x18 share set 0.
        unit.install(0x10000, 7, 0x310, true, false, false);
        unit.install(0x14000, 7, 0x314, true, false, false);
        assertTrue(unit.refill(0x10000, Access.READ));                 // set hit: 0x10 is MRU again
        unit.install(0x18000, 7, 0x318, true, false, false);           // evicts 0x14
        assertTrue(unit.refill(0x10000, Access.READ));
        assertFalse(unit.refill(0x14000, Access.READ));
        assertTrue(unit.refill(0x18000, Access.READ));
        TlbStatistics s = unit.statistics();
        assertEquals(1, s.misses());
        assertEquals(3, s.setHits());
        assertEquals(3, s.installs());
    }

    @Test
    void writeToACodeFrameIsWithheldUntilTheFirstWriteWhichUnmarksItWithoutATrap() {
        List<Long> changed = new ArrayList<>();
        mem.addCodeWriteListener(changed::add);
        mem.markCode(0x300);
        unit.install(0x4000, 7, 0x300, true, true, true);
        assertFalse(fastWrite(0x4000), "no fast-path write to a frame holding decoded code");
        assertTrue(unit.refill(0x4000, Access.WRITE), "granted by the kernel: no trap");
        assertEquals(List.of(0x300L), changed, "the decode caches were told");
        assertFalse(mem.isCode(0x300));
        assertTrue(fastWrite(0x4000));
        unit.revokeWrite(0x300);                                       // the frame holds code again
        assertFalse(fastWrite(0x4000));
        assertEquals(0x300_010L, unit.translate(0x4010, Access.WRITE));
        assertTrue(unit.refill(0x4000, Access.WRITE));
        assertTrue(fastWrite(0x4000));
        assertEquals(0, unit.statistics().misses());
    }

    @Test
    void withoutAsidsInstallsIgnoreTheAsid() {
        Sv39TranslationUnit u = new Sv39TranslationUnit(0, mem, new TlbConfig(8, 8, false, true));
        u.setSatp(satp7);
        u.install(0x4000, 123, 0x300, true, false, false);
        assertTrue(u.refill(0x4000, Access.READ));
        u.setSatp(TranslationUnit.satp(TranslationUnit.MODE_SV39, 0, 0x11));   // another space: flush
        assertFalse(u.refill(0x4000, Access.READ));
        assertEquals(1, u.statistics().flushes() - 1, "Bare->Sv39 and the switch: two flushes");
    }

    @Test
    void bareModeIsStillIdentityMappedByTheHardware() {
        unit.setSatp(0);
        assertTrue(unit.refill(0x5000, Access.WRITE));
        assertTrue(fastWrite(0x5000));
        assertEquals(0x5123, unit.translate(0x5123, Access.READ));
        assertEquals(2, unit.statistics().walks(), "the Bare refill and the Bare translate");
    }

    @Test
    void badInstallsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> unit.install(0x4000, 7, mem.frameCount(), true, false, false));
        assertEquals("frame outside physical memory: ppn 0x400", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> unit.install(0x40_0000_0000L, 7, 1, true, false, false));
        assertEquals("not a canonical Sv39 address: 0x4000000000", e.getMessage());
        Sv39TranslationUnit hw = new Sv39TranslationUnit(0, mem, 16);
        assertThrows(IllegalStateException.class, () -> hw.install(0x4000, 7, 1, true, false, false));
        assertEquals(0, unit.statistics().installs());
    }
}
