package osbox.api.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Sv39 facts against values worked out by hand from the privileged spec. */
class PteTest {
    @Test
    void permissionBitsAreTheAccessKinds() {
        assertEquals(Access.READ, Pte.R);
        assertEquals(Access.WRITE, Pte.W);
        assertEquals(Access.EXECUTE, Pte.X);
        assertEquals(0xffL, Pte.V | Pte.R | Pte.W | Pte.X | Pte.U | Pte.G | Pte.A | Pte.D);
    }

    @Test
    void ppnRoundTripsThroughTheWholeField() {
        long widest = (1L << 44) - 1;
        long pte = Pte.make(widest, Pte.V | Pte.R | Pte.COW);
        assertEquals(0x003f_ffff_ffff_fc00L | 0x103, pte);
        assertEquals(widest, Pte.ppn(pte));
        assertEquals(0x12345, Pte.ppn(Pte.make(0x12345, Pte.FLAGS) | Pte.RESERVED));
        assertEquals(Pte.V | Pte.R | Pte.COW, pte & Pte.FLAGS);
    }

    @Test
    void virtualAddressSplitsIntoThreeNineBitIndexes() {
        long va = (5L << 30) | (7L << 21) | (9L << 12) | 0x123;
        assertEquals(5, Pte.vpn(va, 2));
        assertEquals(7, Pte.vpn(va, 1));
        assertEquals(9, Pte.vpn(va, 0));
        assertEquals(511, Pte.vpn(-1L, 2));
        assertEquals(39, Pte.VA_BITS);
        assertEquals(PhysicalMemory.PAGE_SIZE, Pte.ENTRIES * Pte.SIZE);
        assertEquals(3 * 4096 + 511 * 8, Pte.entryAddress(3, 511));
    }

    @Test
    void canonicalAddressesCopyBit38Upward() {
        assertTrue(Pte.isCanonical(0x3f_ffff_ffffL));
        assertTrue(Pte.isCanonical(0xffff_ffc0_0000_0000L));
        assertFalse(Pte.isCanonical(0x40_0000_0000L));
        assertFalse(Pte.isCanonical(1L << 39));
        assertEquals(0xffff_ffc0_0000_0000L, Pte.canonical(0x40_0000_0000L));
    }

    @Test
    void aSwappedPteKeepsItsSlotAndPermissionsButIsNotValid() {
        long pte = Pte.swapped(77, Pte.V | Pte.R | Pte.W | Pte.U | Pte.A | Pte.D | Pte.COW);
        assertTrue(Pte.isSwapped(pte));
        assertEquals(77, Pte.ppn(pte));
        assertEquals(Pte.R | Pte.W | Pte.U | Pte.SWAPPED, pte & Pte.FLAGS);
        assertFalse(Pte.isSwapped(pte | Pte.V), "a valid PTE is resident, whatever its RSW bits");
        assertFalse(Pte.isLeaf(Pte.make(3, Pte.V)), "V alone points to the next level");
        assertTrue(Pte.isLeaf(Pte.make(3, Pte.V | Pte.X)));
        assertEquals("r-x", Pte.perms(Pte.R | Pte.X));
        assertEquals("rw-", Pte.perms(Pte.R | Pte.W | Pte.V));
    }
}
