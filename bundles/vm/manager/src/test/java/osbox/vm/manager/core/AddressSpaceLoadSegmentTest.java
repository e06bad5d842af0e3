package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.VmFixture.PAGE;
import static osbox.vm.manager.core.VmFixture.flags;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Pte;

class AddressSpaceLoadSegmentTest {
    private final VmFixture f = new VmFixture();
    private final PagedAddressSpace s = f.space();

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed + i * 7 + 1);
        }
        return b;
    }

    @Test
    void copiesFileBytesAndZeroFillsTheRest() {
        byte[] file = pattern(300, 3);
        // file offset 50, 100 bytes of data at 0x10123, bss up to 0x12123
        s.loadSegment(0x10123, file, 50, 100, 0x2000, Pte.R | Pte.X);
        assertEquals(0, s.residentPages(), "nothing is brought in before it is touched");
        for (int i = 0; i < 100; i++) {
            assertEquals(file[50 + i] & 0xff, f.byteAt(s, 0x10123 + i), "byte " + i);
        }
        for (long va = 0x10000; va < 0x10123; va++) {
            assertEquals(0, f.byteAt(s, va), "below the data at " + Long.toHexString(va));
        }
        for (long va = 0x10123 + 100; va < 0x13000; va++) {
            assertEquals(0, f.byteAt(s, va), "bss at " + Long.toHexString(va));
        }
        assertEquals(0, s.pte(0x13000), "nothing past the last page");
        assertEquals(0, s.pte(0xf000), "nothing before the first page");
        assertEquals(3, s.residentPages());
    }

    @Test
    void ptePermissionsFollowTheSegment() {
        byte[] file = pattern(64, 0);
        s.loadSegment(0x10000, file, 0, 64, 64, Pte.R | Pte.X);
        s.loadSegment(0x20000, file, 0, 64, 64, Pte.R);
        s.loadSegment(0x30000, file, 0, 64, PAGE + 1, Pte.R | Pte.W);
        assertEquals(Pte.V | Pte.R | Pte.X | Pte.U, flags(f.pte(s, 0x10000)));
        assertEquals(Pte.V | Pte.R | Pte.U, flags(f.pte(s, 0x20000)));
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U, flags(f.pte(s, 0x30000)));
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U, flags(f.pte(s, 0x31000)));
    }

    @Test
    void eachSegmentBecomesAnImageRegion() {
        byte[] file = pattern(16, 0);
        s.loadSegment(0x10000, file, 0, 16, 0x1800, Pte.R | Pte.X);
        s.loadSegment(0x40000, file, 0, 16, 16, Pte.R | Pte.W);
        List<Region> rs = s.regions();
        assertEquals(2, rs.size());
        assertEquals(Region.Kind.IMAGE, rs.get(0).kind);
        assertEquals(0x10000, rs.get(0).start());
        assertEquals(0x12000, rs.get(0).end());
        assertEquals(Pte.R | Pte.X, rs.get(0).perms());
        assertEquals(0x40000, rs.get(1).start());
        assertEquals(0x41000, rs.get(1).end());
    }

    @Test
    void segmentsSharingABoundaryPageFillItFromBoth() {
        byte[] text = pattern(0x1800, 1);
        byte[] data = pattern(0x100, 9);
        s.loadSegment(0x10000, text, 0, 0x1800, 0x1800, Pte.R | Pte.X);
        s.loadSegment(0x11800, data, 0, 0x100, 0x1000, Pte.R | Pte.W);

        assertEquals(Pte.V | Pte.R | Pte.W | Pte.X | Pte.U, flags(f.pte(s, 0x11000)), "the boundary page has both");
        assertEquals(Pte.V | Pte.R | Pte.X | Pte.U, flags(f.pte(s, 0x10000)));
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U, flags(f.pte(s, 0x12000)));
        for (int i = 0; i < 0x1800; i += 0x101) {
            assertEquals(text[i] & 0xff, f.byteAt(s, 0x10000 + i), "text kept at " + i);
        }
        for (int i = 0; i < 0x100; i++) {
            assertEquals(data[i] & 0xff, f.byteAt(s, 0x11800 + i));
        }
        assertEquals(0, f.byteAt(s, 0x11900), "bss of the data segment");
        assertEquals(3, s.residentPages());
        assertEquals(3, s.imageFaults());
        assertEquals(1, s.regions().size(), "one image region covers both");
        assertEquals(0x13000, s.regions().get(0).end());
    }

    @Test
    void segmentOverlappingALaterRegionIsRejected() {
        byte[] file = pattern(16, 0);
        s.loadSegment(0x20000, file, 0, 16, 0x2000, Pte.R);
        assertThrows(IllegalStateException.class,
                () -> s.loadSegment(0x10000, file, 0, 16, 0x10001, Pte.R | Pte.W));
    }

    @Test
    void adjacentSegmentsAreNotAnOverlap() {
        byte[] file = pattern(16, 0);
        s.loadSegment(0x20000, file, 0, 16, 0x1000, Pte.R);
        s.loadSegment(0x1f000, file, 0, 16, 0x1000, Pte.R | Pte.W);
        assertEquals(2, s.regions().size());
        assertEquals(2, s.regions().size());
    }

    @Test
    void segmentStartingInsideAnEarlierSegmentIsRejected() {
        byte[] file = pattern(0x3000, 0);
        s.loadSegment(0x10000, file, 0, 0x3000, 0x3000, Pte.R | Pte.X);
        assertThrows(IllegalStateException.class,
                () -> s.loadSegment(0x11000, file, 0, 0x100, 0x1000, Pte.R | Pte.W));
        assertEquals(Pte.V | Pte.R | Pte.X | Pte.U, flags(f.pte(s, 0x11000)));
    }

    @Test
    void outOfFramesShowsWhenAPageIsTouched() {
        VmFixture.assumeSv39(); // counts the frames of Sv39 tables
        VmFixture small = new VmFixture(0, 5);
        PagedAddressSpace tiny = small.space();
        // root + 2 tables + 2 pages = 5 frames: a third page does not fit
        tiny.loadSegment(0x10000, new byte[1], 0, 1, 3 * PAGE, Pte.R);
        assertEquals(PagedAddressSpace.SERVED, tiny.handleFault(0x10000, osbox.api.hw.Access.READ));
        assertEquals(PagedAddressSpace.SERVED, tiny.handleFault(0x11000, osbox.api.hw.Access.READ));
        assertEquals(PagedAddressSpace.OOM, tiny.handleFault(0x12000, osbox.api.hw.Access.READ));
    }

    @Test
    void pagesOfAFreshSegmentAreZeroEvenOnDirtyFrames() {
        s.loadSegment(0x10000, new byte[0], 0, 0, 4 * PAGE, Pte.R | Pte.W);
        for (long va = 0x10000; va < 0x14000; va += PAGE) {
            assertTrue(f.pageIsZero(s, va));
        }
    }
}
