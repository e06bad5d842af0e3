package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.hw.mmu.PageTables.A;
import static osbox.hw.mmu.PageTables.D;
import static osbox.hw.mmu.PageTables.GIB1;
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

/** Every user-mode permission rule of the walker, and the tags it installs. */
class PermissionTest {
    private static final long VA = 0x10_0000;
    private final FrameStore mem = new FrameStore(16 << 20);
    private final PageTables pt = new PageTables(mem, 16);
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(0, mem, 256);
    private final int i = (int) (VA >>> 12) & 255;

    private void mapLeaf(long flags) {
        pt.map(VA, 0x300, flags, KIB4);
        unit.setSatp(pt.satp(1));
    }

    private long tag() {
        return (VA >>> 12) | unit.asidTag();
    }

    @Test
    void supervisorPageFaultsForEveryAccess() {
        mapLeaf(V | R | W | X | A | D);
        assertFalse(unit.refill(VA, Access.READ));
        assertFalse(unit.refill(VA, Access.WRITE));
        assertFalse(unit.refill(VA, Access.EXECUTE));
        assertEquals(-1, unit.translate(VA, Access.READ));
        assertEquals(-1, unit.readTags()[i]);
    }

    @Test
    void readOnlyPageRefusesWriteAndExecute() {
        mapLeaf(V | R | U | A | D);
        assertFalse(unit.refill(VA, Access.WRITE));
        assertFalse(unit.refill(VA, Access.EXECUTE));
        assertTrue(unit.refill(VA, Access.READ));
        assertEquals(tag(), unit.readTags()[i]);
        assertEquals(-1, unit.writeTags()[i]);
        assertEquals(-1, unit.execTags()[i]);
    }

    @Test
    void executeOnlyPageRefusesReadBecauseMxrIsOff() {
        mapLeaf(V | X | U | A);
        assertFalse(unit.refill(VA, Access.READ));
        assertFalse(unit.refill(VA, Access.WRITE));
        assertTrue(unit.refill(VA, Access.EXECUTE));
        assertEquals(-1, unit.readTags()[i]);
        assertEquals(-1, unit.writeTags()[i]);
        assertEquals(tag(), unit.execTags()[i]);
    }

    @Test
    void readWriteExecutePageInstallsAllThreeTags() {
        mapLeaf(V | R | W | X | U | A | D);
        assertTrue(unit.refill(VA, Access.EXECUTE));
        assertEquals(tag(), unit.readTags()[i]);
        assertEquals(tag(), unit.writeTags()[i]);
        assertEquals(tag(), unit.execTags()[i]);
    }

    @Test
    void writeWithoutReadIsReservedAndFaults() {
        mapLeaf(V | W | U | A | D);
        assertFalse(unit.refill(VA, Access.WRITE));
        assertFalse(unit.refill(VA, Access.READ));
        mapLeaf(V | W | X | U | A | D);
        assertFalse(unit.refill(VA, Access.EXECUTE));
    }

    @Test
    void invalidPteFaultsWhateverItsOtherBits() {
        mapLeaf(R | W | X | U | A | D);
        assertFalse(unit.refill(VA, Access.READ));
        mapLeaf(V | R | U | A);
        assertEquals(0x300_000L, unit.translate(VA, Access.READ));
        pt.setRaw(VA, MIB2, pt.pte(VA, MIB2) & ~V);                      // invalidate the pointer above the leaf
        assertEquals(-1, unit.translate(VA, Access.READ));
    }

    @Test
    void pointerAtLevelZeroFaults() {
        mapLeaf(V);                                                       // V only: a pointer, at the last level
        assertFalse(unit.refill(VA, Access.READ));
        mapLeaf(V | U | A | D);                                           // still a pointer
        assertFalse(unit.refill(VA, Access.READ));
    }

    @Test
    void reservedHighBitsFault() {
        for (int bit = 54; bit <= 63; bit++) {
            mapLeaf(V | R | U | A | (1L << bit));
            assertFalse(unit.refill(VA, Access.READ), "bit " + bit);
        }
        mapLeaf(V | R | U | A);
        assertTrue(unit.refill(VA, Access.READ));
    }

    @Test
    void misalignedSuperpagesFault() {
        pt.map(0x20_0000, 0x401, V | R | U | A, MIB2);                  // 2 MiB page, PPN not 512-aligned
        pt.map(0x4000_0000L, 0x200, V | R | U | A, GIB1);               // 1 GiB page, PPN 512- but not 2^18-aligned
        pt.map(0x40_0000, 0x400, V | R | U | A, MIB2);                  // aligned control
        unit.setSatp(pt.satp(1));
        assertFalse(unit.refill(0x20_0000, Access.READ));
        assertFalse(unit.refill(0x4000_0000L, Access.READ));
        assertTrue(unit.refill(0x40_0000, Access.READ));
    }

    @Test
    void globalBitChangesNothingForUserPages() {
        mapLeaf(V | R | U | A | PageTables.G);
        assertTrue(unit.refill(VA, Access.READ));
    }

    @Test
    void accessMustBeExactlyOneKind() {
        mapLeaf(V | R | U | A);
        assertThrows(IllegalArgumentException.class, () -> unit.refill(VA, 0));
        assertThrows(IllegalArgumentException.class, () -> unit.refill(VA, Access.READ | Access.WRITE));
        assertThrows(IllegalArgumentException.class, () -> unit.translate(VA, 1));
    }
}
