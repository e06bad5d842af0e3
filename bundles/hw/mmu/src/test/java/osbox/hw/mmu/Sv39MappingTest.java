package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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

/** Sv39 translations of every page size, and the address-shape rules. */
class Sv39MappingTest {
    private final FrameStore mem = new FrameStore(16 << 20);             // 4096 frames
    private final PageTables pt = new PageTables(mem, 16);
    private final Sv39TranslationUnit unit = new Sv39TranslationUnit(0, mem, 256);

    private static final long RWXU = V | R | W | X | U | A | D;

    @Test
    void fourKibPageTranslates() {
        pt.map(0x40_0000, 0x300, V | R | W | U | A | D, KIB4);
        unit.setSatp(pt.satp(1));
        assertEquals(0x300_abcL, unit.translate(0x40_0abc, Access.READ));
        assertEquals(0x300_ff8L, unit.translate(0x40_0ff8, Access.WRITE));
        assertEquals(-1, unit.translate(0x40_1000, Access.READ));        // the next page is unmapped
        assertTrue(unit.refill(0x40_0abc, Access.READ));
        int i = (int) (0x40_0abcL >>> 12) & unit.tlbMask();
        assertEquals(0x300, unit.ppns()[i]);
        assertSame(mem.frame(0x300), unit.pages()[i]);
    }

    @Test
    void twoMibSuperpageTranslatesEveryFourKibPageWithin() {
        pt.map(0x20_0000, 0x400, RWXU, MIB2);                            // 2 MiB at 0x200000 -> 4 MiB
        unit.setSatp(pt.satp(1));
        assertEquals(0x400_000L, unit.translate(0x20_0000, Access.READ));
        assertEquals(0x5ff_fffL, unit.translate(0x3f_ffff, Access.EXECUTE));
        assertEquals(0x412_345L, unit.translate(0x21_2345, Access.WRITE));
        assertTrue(unit.refill(0x21_2345, Access.READ));
        int i = (int) (0x21_2345L >>> 12) & unit.tlbMask();
        assertEquals(0x412, unit.ppns()[i]);
        assertSame(mem.frame(0x412), unit.pages()[i]);
        assertEquals(-1, unit.translate(0x40_0000, Access.READ));        // past the superpage
    }

    @Test
    void oneGibSuperpageTranslates() {
        FrameStore big = new FrameStore(2L << 30);                        // frames are allocated lazily
        PageTables t = new PageTables(big, 16);
        t.map(0x4000_0000L, 0x4_0000, RWXU, GIB1);                      // 1 GiB at 1 GiB -> 1 GiB
        t.map(0x8000_0000L, 0x8_0000, RWXU, GIB1);                      // frames past 2 GiB: outside memory
        Sv39TranslationUnit u = new Sv39TranslationUnit(0, big, 256);
        u.setSatp(t.satp(1));
        assertEquals(0x4012_3456L, u.translate(0x4012_3456L, Access.READ));
        assertEquals(0x7fff_f000L, u.translate(0x7fff_f000L, Access.WRITE));
        assertTrue(u.refill(0x5555_5000L, Access.EXECUTE));
        int i = (int) (0x5555_5000L >>> 12) & u.tlbMask();
        assertEquals(0x5_5555, u.ppns()[i]);
        assertFalse(u.refill(0x8000_0000L, Access.READ));
    }

    @Test
    void upperHalfCanonicalAddressesTranslateWhenMapped() {
        long top = 0xffff_ffff_ffff_f000L;                               // the last page of the address space
        pt.map(top, 0x310, V | R | U | A, KIB4);
        unit.setSatp(pt.satp(1));
        assertEquals(0x310_008L, unit.translate(top + 8, Access.READ));
        assertTrue(unit.refill(top + 8, Access.READ));
        int i = (int) (top >>> 12) & unit.tlbMask();
        assertEquals((top >>> 12) | unit.asidTag(), unit.readTags()[i]);
    }

    @Test
    void upperHalfCanonicalAddressWithoutMappingFaults() {
        pt.map(0x1000, 0x300, RWXU, KIB4);
        unit.setSatp(pt.satp(1));
        assertFalse(unit.refill(0xffff_ffc0_0000_0000L, Access.READ));
        assertEquals(-1, unit.translate(0xffff_ffff_ffff_f000L, Access.READ));
    }

    @Test
    void nonCanonicalAddressesFaultEvenWhenTheirIndexBitsAreMapped() {
        pt.map(0x1000, 0x300, RWXU, KIB4);
        unit.setSatp(pt.satp(1));
        assertEquals(0x300_010L, unit.translate(0x1010, Access.READ));
        assertEquals(-1, unit.translate(0x1010 | (1L << 47), Access.READ));
        assertEquals(-1, unit.translate(0x1010 | (1L << 39), Access.READ));
        assertFalse(unit.refill(0x1010 | (1L << 63), Access.READ));
        // bit 38 set with bits 63..39 clear is not canonical either
        pt.map(0x40_0000_0000L | 0x1000, 0x301, RWXU, KIB4);
        assertEquals(-1, unit.translate(0x40_0000_1000L, Access.READ));
        assertEquals(0x301_000L, unit.translate(0xffff_ffc0_0000_1000L, Access.READ));
    }

    @Test
    void leafFrameOutsideMemoryFaults() {
        pt.map(0x1000, 4096, RWXU, KIB4);                                // frame 4096 is one past the end
        unit.setSatp(pt.satp(1));
        assertFalse(unit.refill(0x1000, Access.READ));
        assertEquals(RWXU, pt.pte(0x1000, KIB4) & 0xff);                  // A/D untouched (already set)
        pt.map(0x2000, 4096, V | R | U, KIB4);
        assertFalse(unit.refill(0x2000, Access.READ));
        assertEquals(0, pt.pte(0x2000, KIB4) & A, "a failed access leaves A clear");
    }

    @Test
    void pageTableOutsideMemoryFaults() {
        unit.setSatp(osbox.api.hw.TranslationUnit.satp(8, 1, 1 << 20)); // root far past the end
        assertFalse(unit.refill(0x1000, Access.READ));
        pt.setRaw(0x1000, MIB2, (5000L << 10) | V);                       // level-0 table past the end
        unit.setSatp(pt.satp(1));
        assertEquals(-1, unit.translate(0x1000, Access.READ));
    }
}
