package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.PagedAddressSpace.MMAP_TOP;
import static osbox.vm.manager.core.PagedAddressSpace.SEGV;
import static osbox.vm.manager.core.PagedAddressSpace.SERVED;
import static osbox.vm.manager.core.VmFixture.PAGE;
import static osbox.vm.manager.core.VmFixture.flags;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;

/** mapAnonymous, unmap and protect. */
class AddressSpaceMappingTest {
    private final VmFixture f = new VmFixture();
    private final PagedAddressSpace s = f.space();

    @BeforeEach
    void image() {
        s.loadSegment(0x10000, new byte[] {1}, 0, 1, 1, Pte.R | Pte.X);
        s.initHeap(0x11000);
        s.initStack(0);
    }

    private void touch(long start, int pages) {
        for (int i = 0; i < pages; i++) {
            assertEquals(SERVED, s.handleFault(start + i * PAGE, Access.READ));
        }
    }

    @Test
    void mappingsGoTopDownBelowMmapTop() {
        long a = s.mapAnonymous(0, 2 * PAGE, Pte.R | Pte.W, false);
        long b = s.mapAnonymous(0, 1, Pte.R, false);
        long c = s.mapAnonymous(0, 3 * PAGE, Pte.R, false);
        assertEquals(MMAP_TOP - 2 * PAGE, a);
        assertEquals(MMAP_TOP - 3 * PAGE, b, "length rounded up to a page");
        assertEquals(MMAP_TOP - 6 * PAGE, c);
        Region r = s.regionAt(b);
        assertEquals(Region.Kind.ANONYMOUS, r.kind);
        assertEquals(b + PAGE, r.end());
        assertEquals(Pte.R, r.perms());
    }

    @Test
    void mappingIsDemandZero() {
        long used = f.frames.used();
        long a = s.mapAnonymous(0, 4 * PAGE, Pte.R | Pte.W, false);
        assertEquals(used, f.frames.used());
        assertEquals(0, s.pte(a));
        assertEquals(SERVED, s.handleFault(a + PAGE + 8, Access.WRITE));
        assertTrue(f.pageIsZero(s, a + PAGE));
    }

    @Test
    void zeroOrNegativeLengthRefused() {
        assertEquals(-1, s.mapAnonymous(0, 0, Pte.R, false));
        assertEquals(-1, s.mapAnonymous(0, -PAGE, Pte.R, false));
    }

    @Test
    void freeAlignedHintIsHonoured() {
        long hint = 0x1000_0000L;
        assertEquals(hint, s.mapAnonymous(hint, PAGE, Pte.R, false));
    }

    @Test
    void unusableHintFallsBackToTopDown() {
        long hint = 0x1000_0000L;
        s.mapAnonymous(hint, PAGE, Pte.R, false);
        assertEquals(MMAP_TOP - PAGE, s.mapAnonymous(hint, PAGE, Pte.R, false), "occupied");
        assertEquals(MMAP_TOP - 2 * PAGE, s.mapAnonymous(0x2000_0123L, PAGE, Pte.R, false), "unaligned");
        assertEquals(MMAP_TOP - 3 * PAGE, s.mapAnonymous(0x10000, PAGE, Pte.R, false), "below the heap");
        assertEquals(MMAP_TOP - 4 * PAGE, s.mapAnonymous(MMAP_TOP, PAGE, Pte.R, false), "above MMAP_TOP");
    }

    @Test
    void gapLeftByUnmapIsReusedHighestFirst() {
        long a = s.mapAnonymous(0, 2 * PAGE, Pte.R, false);
        long b = s.mapAnonymous(0, PAGE, Pte.R, false);
        s.unmap(a, 2 * PAGE);
        assertEquals(a + PAGE, s.mapAnonymous(0, PAGE, Pte.R, false));
        assertEquals(a, s.mapAnonymous(0, PAGE, Pte.R, false));
        assertEquals(b - PAGE, s.mapAnonymous(0, PAGE, Pte.R, false));
    }

    @Test
    void fixedMappingReplacesWhatWasThere() {
        long a = s.mapAnonymous(0, 3 * PAGE, Pte.R | Pte.W, false);
        touch(a, 3);
        long used = f.frames.used();
        f.tlb.pages.clear();

        assertEquals(a + PAGE, s.mapAnonymous(a + PAGE, PAGE, Pte.R, true));

        assertEquals(used - 1, f.frames.used(), "the replaced page's frame is freed");
        assertEquals(0, s.pte(a + PAGE));
        assertEquals(List.of(a + PAGE), f.tlb.pageAddresses());
        assertEquals(Pte.R, s.regionAt(a + PAGE).perms());
        assertEquals(a + 2 * PAGE, s.regionAt(a + PAGE).end());
        assertEquals(Pte.R | Pte.W, s.regionAt(a).perms());
        assertEquals(a + PAGE, s.regionAt(a).end());
        assertEquals(Pte.R | Pte.W, s.regionAt(a + 2 * PAGE).perms());
        assertEquals(SEGV, s.handleFault(a + PAGE, Access.WRITE));
        assertEquals(SERVED, s.handleFault(a + PAGE, Access.READ));
    }

    @Test
    void unmapSplitsTheRegionAndFreesFrames() {
        long a = s.mapAnonymous(0, 4 * PAGE, Pte.R | Pte.W, false);
        touch(a, 4);
        long used = f.frames.used();
        f.tlb.pages.clear();

        s.unmap(a + PAGE, 2 * PAGE);

        assertEquals(used - 2, f.frames.used());
        assertEquals(List.of(a + PAGE, a + 2 * PAGE), f.tlb.pageAddresses());
        assertEquals(List.of(s.asid(), s.asid()), f.tlb.pages.stream().map(RecordingShootdown.Page::asid).toList());
        assertEquals(a + PAGE, s.regionAt(a).end());
        assertNull(s.regionAt(a + PAGE));
        assertNull(s.regionAt(a + 2 * PAGE));
        assertEquals(a + 3 * PAGE, s.regionAt(a + 3 * PAGE).start());
        assertEquals(a + 4 * PAGE, s.regionAt(a + 3 * PAGE).end());
        assertEquals(SEGV, s.handleFault(a + PAGE, Access.READ));
        assertTrue((s.pte(a) & Pte.V) != 0);
        assertTrue((s.pte(a + 3 * PAGE) & Pte.V) != 0);
    }

    @Test
    void unmapRoundsTheLengthUpAndSpansRegions() {
        long a = s.mapAnonymous(0, PAGE, Pte.R, false);
        long b = s.mapAnonymous(0, PAGE, Pte.R | Pte.W, false);
        touch(b, 1);
        touch(a, 1);
        s.unmap(b, PAGE + 1);
        assertNull(s.regionAt(a));
        assertNull(s.regionAt(b));
        assertEquals(0, s.pte(a));
    }

    @Test
    void unmapOfNothingIsHarmless() {
        long used = f.frames.used();
        s.unmap(0x5000_0000L, 10 * PAGE);
        assertEquals(used, f.frames.used());
        assertTrue(f.tlb.pages.isEmpty());
    }

    @Test
    void protectChangesPteBitsAndRegionAndFlushes() {
        long a = s.mapAnonymous(0, 3 * PAGE, Pte.R | Pte.W, false);
        touch(a, 3);
        f.tlb.pages.clear();

        assertTrue(s.protect(a + PAGE, PAGE, Pte.R));

        assertEquals(Pte.V | Pte.R | Pte.U, flags(s.pte(a + PAGE)) & ~(Pte.A | Pte.D));
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U, flags(s.pte(a)) & ~(Pte.A | Pte.D));
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U, flags(s.pte(a + 2 * PAGE)) & ~(Pte.A | Pte.D));
        assertEquals(List.of(a + PAGE), f.tlb.pageAddresses());
        assertEquals(Pte.R, s.regionAt(a + PAGE).perms());
        assertEquals(a + PAGE, s.regionAt(a + PAGE).start());
        assertEquals(a + 2 * PAGE, s.regionAt(a + PAGE).end());
        assertEquals(Pte.R | Pte.W, s.regionAt(a).perms());
        assertEquals(-1, s.translateForKernel(a + PAGE, Access.WRITE));
        assertTrue(s.translateForKernel(a, Access.WRITE) >= 0);
    }

    @Test
    void protectKeepsFrameAndAccessedDirtyBits() {
        long a = s.mapAnonymous(0, PAGE, Pte.R | Pte.W, false);
        s.translateForKernel(a, Access.WRITE);
        long before = s.pte(a);
        assertTrue(s.protect(a, PAGE, Pte.R | Pte.X));
        long after = s.pte(a);
        assertEquals(Pte.ppn(before), Pte.ppn(after));
        assertEquals(Pte.V | Pte.R | Pte.X | Pte.U | Pte.A | Pte.D, flags(after));
    }

    @Test
    void protectAppliesToPagesFaultedLater() {
        long a = s.mapAnonymous(0, 2 * PAGE, Pte.R, false);
        assertTrue(s.protect(a, 2 * PAGE, Pte.R | Pte.W));
        assertEquals(SERVED, s.handleFault(a + PAGE, Access.WRITE));
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U, flags(s.pte(a + PAGE)));
    }

    @Test
    void protectOfPartlyUnmappedRangeFailsAndChangesNothing() {
        long a = s.mapAnonymous(0, PAGE, Pte.R | Pte.W, false);
        touch(a, 1);
        long pte = s.pte(a);
        int regions = s.regions().size();
        assertFalse(s.protect(a - PAGE, 2 * PAGE, Pte.R));
        assertFalse(s.protect(0x5000_0000L, PAGE, Pte.R));
        assertEquals(pte, s.pte(a));
        assertEquals(regions, s.regions().size());
        assertTrue(f.tlb.pages.isEmpty());
    }

    @Test
    void protectAcrossAdjacentRegions() {
        long a = s.mapAnonymous(0, PAGE, Pte.R, false);
        long b = s.mapAnonymous(0, PAGE, Pte.R | Pte.W, false);
        assertEquals(a - PAGE, b);
        assertTrue(s.protect(b, 2 * PAGE, Pte.R | Pte.X));
        assertEquals(Pte.R | Pte.X, s.regionAt(a).perms());
        assertEquals(Pte.R | Pte.X, s.regionAt(b).perms());
    }
}
