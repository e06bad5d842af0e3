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
import static osbox.hw.mmu.PageTables.X;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.hw.memory.FrameStore;

/** Frames holding decoded code are never mapped writable; writing one first unmarks it. */
class CodeFrameTest {
    private static final long VA = 0x10_1000, ALIAS = 0x20_2000, OTHER = 0x30_3000;   // TLB slots 1, 2, 3
    private final FrameStore mem = new FrameStore(16 << 20);
    private final PageTables pt = new PageTables(mem, 16);
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(0, mem, 256);
    private final List<Long> told = new ArrayList<>();

    CodeFrameTest() {
        mem.addCodeWriteListener(told::add);
        pt.map(VA, 0x300, V | R | W | X | U | A | D, KIB4);
        pt.map(ALIAS, 0x300, V | R | W | U | A | D, KIB4);
        pt.map(OTHER, 0x301, V | R | W | U | A | D, KIB4);
        unit.setSatp(pt.satp(1));
    }

    private static int index(long va) {
        return (int) (va >>> 12) & 255;
    }

    @Test
    void readAndExecuteRefillsOfACodeFrameInstallNoWriteTag() {
        mem.markCode(0x300);
        assertTrue(unit.refill(VA, Access.EXECUTE));
        assertEquals(-1, unit.writeTags()[index(VA)]);
        assertEquals((VA >>> 12) | unit.asidTag(), unit.execTags()[index(VA)]);
        assertTrue(unit.refill(ALIAS, Access.READ));
        assertEquals(-1, unit.writeTags()[index(ALIAS)]);
        assertTrue(mem.isCode(0x300));
        assertTrue(told.isEmpty());
    }

    @Test
    void writeRefillOfACodeFrameTellsTheListenersAndInstallsTheWriteTag() {
        mem.markCode(0x300);
        assertTrue(unit.refill(VA, Access.WRITE));
        assertEquals(List.of(0x300L), told);
        assertFalse(mem.isCode(0x300));
        assertEquals((VA >>> 12) | unit.asidTag(), unit.writeTags()[index(VA)]);
    }

    @Test
    void failedWriteRefillLeavesTheCodeMark() {
        pt.map(VA, 0x300, V | R | X | U | A, KIB4);
        mem.markCode(0x300);
        assertFalse(unit.refill(VA, Access.WRITE));
        assertTrue(mem.isCode(0x300));
        assertTrue(told.isEmpty());
    }

    @Test
    void bareModeAlsoKeepsCodeFramesReadOnly() {
        unit.setSatp(0);
        mem.markCode(0x300);
        assertTrue(unit.refill(0x300_000L, Access.READ));
        assertEquals(-1, unit.writeTags()[index(0x300_000L)]);
        assertTrue(unit.refill(0x300_000L, Access.WRITE));
        assertEquals(List.of(0x300L), told);
        assertEquals((0x300_000L >>> 12) | unit.asidTag(), unit.writeTags()[index(0x300_000L)]);
    }

    @Test
    void revokeWriteDropsWriteFromEveryEntryOfThatFrameOnly() {
        assertTrue(unit.refill(VA, Access.READ));
        assertTrue(unit.refill(ALIAS, Access.READ));
        assertTrue(unit.refill(OTHER, Access.READ));
        assertEquals((VA >>> 12) | unit.asidTag(), unit.writeTags()[index(VA)]);
        unit.revokeWrite(0x300);
        assertEquals(-1, unit.writeTags()[index(VA)]);
        assertEquals(-1, unit.writeTags()[index(ALIAS)]);
        assertEquals((VA >>> 12) | unit.asidTag(), unit.readTags()[index(VA)], "reads still hit");
        assertEquals((VA >>> 12) | unit.asidTag(), unit.execTags()[index(VA)]);
        assertEquals((OTHER >>> 12) | unit.asidTag(), unit.writeTags()[index(OTHER)]);
    }

    @Test
    void revokeWriteIgnoresEmptyEntries() {
        unit.revokeWrite(0);                                               // empty entries have ppn 0
        for (int i = 0; i <= unit.tlbMask(); i++) {
            assertEquals(-1, unit.writeTags()[i]);
        }
        unit.refill(VA, Access.READ);
        unit.revokeWrite(0);
        assertEquals((VA >>> 12) | unit.asidTag(), unit.writeTags()[index(VA)]);
    }
}
