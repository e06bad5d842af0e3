package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.PagedAddressSpace.SEGV;
import static osbox.vm.manager.core.PagedAddressSpace.SERVED;
import static osbox.vm.manager.core.VmFixture.PAGE;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;

class AddressSpaceBrkTest {
    private static final long HEAP = 0x21000;
    private final VmFixture f = new VmFixture();
    private final PagedAddressSpace s = f.space();

    @BeforeEach
    void image() {
        s.loadSegment(0x10000, new byte[] {1}, 0, 1, 0x10123, Pte.R | Pte.W);
        s.initHeap(0x20123);
    }

    @Test
    void heapStartsAtThePageAfterTheImage() {
        assertEquals(HEAP, s.heapStart());
        assertEquals(HEAP, s.currentBrk());
        assertNull(s.regionAt(HEAP), "an empty heap has no region");
    }

    @Test
    void growingReturnsTheExactRequestAndCoversWholePages() {
        assertEquals(HEAP + 10, s.brk(HEAP + 10));
        assertEquals(HEAP + 10, s.currentBrk());
        Region r = s.regionAt(HEAP);
        assertEquals(Region.Kind.HEAP, r.kind);
        assertEquals(HEAP, r.start());
        assertEquals(HEAP + PAGE, r.end());
        assertEquals(Pte.R | Pte.W, r.perms());
        assertEquals(SERVED, s.handleFault(HEAP + PAGE - 1, Access.WRITE));
        assertEquals(SEGV, s.handleFault(HEAP + PAGE, Access.WRITE));
    }

    @Test
    void growingMapsNothingUntilTouched() {
        long used = f.frames.used();
        s.brk(HEAP + 100 * PAGE);
        assertEquals(used, f.frames.used());
    }

    @Test
    void belowHeapStartIsRefused() {
        s.brk(HEAP + 3 * PAGE);
        assertEquals(HEAP + 3 * PAGE, s.brk(0), "brk(0) asks for the current break");
        assertEquals(HEAP + 3 * PAGE, s.brk(HEAP - 1));
        assertEquals(HEAP + 3 * PAGE, s.currentBrk());
    }

    @Test
    void shrinkingFreesTouchedPagesAndShootsThemDown() {
        s.brk(HEAP + 4 * PAGE);
        for (int i = 0; i < 4; i++) {
            assertEquals(SERVED, s.handleFault(HEAP + i * PAGE, Access.WRITE));
        }
        long used = f.frames.used();
        long resident = s.residentPages();
        f.tlb.pages.clear();

        assertEquals(HEAP + PAGE + 5, s.brk(HEAP + PAGE + 5));

        assertEquals(used - 2, f.frames.used(), "two whole pages above the new break are freed");
        assertEquals(resident - 2, s.residentPages());
        assertEquals(List.of(new RecordingShootdown.Page(HEAP + 2 * PAGE, s.asid()),
                new RecordingShootdown.Page(HEAP + 3 * PAGE, s.asid())), f.tlb.pages);
        assertEquals(0, s.pte(HEAP + 2 * PAGE));
        assertTrue((s.pte(HEAP + PAGE) & Pte.V) != 0, "the page holding the break stays");
        assertEquals(HEAP + 2 * PAGE, s.regionAt(HEAP).end());
        assertEquals(SEGV, s.handleFault(HEAP + 2 * PAGE, Access.READ));
    }

    @Test
    void shrinkingToHeapStartRemovesTheRegion() {
        s.brk(HEAP + 2 * PAGE);
        s.handleFault(HEAP, Access.READ);
        long used = f.frames.used();
        assertEquals(HEAP, s.brk(HEAP));
        assertNull(s.regionAt(HEAP));
        assertEquals(used - 1, f.frames.used());
    }

    @Test
    void growingIntoAnotherRegionIsRefused() {
        s.brk(HEAP + PAGE);
        long anon = s.mapAnonymous(HEAP + 4 * PAGE, PAGE, Pte.R, false);
        assertEquals(HEAP + 4 * PAGE, anon);
        assertEquals(HEAP + PAGE, s.brk(HEAP + 4 * PAGE + 1));
        assertEquals(HEAP + PAGE, s.brk(HEAP + 10 * PAGE));
        assertEquals(HEAP + PAGE, s.currentBrk());
        assertEquals(HEAP + PAGE, s.regionAt(HEAP).end());
        assertEquals(HEAP + 4 * PAGE, s.brk(HEAP + 4 * PAGE), "up to the next region is fine");
    }

    @Test
    void growingPastMmapTopIsRefused() {
        assertEquals(HEAP, s.brk(PagedAddressSpace.MMAP_TOP + PAGE));
    }

    @Test
    void emptyHeapCannotGrowOverAMappingAtHeapStart() {
        assertEquals(HEAP, s.mapAnonymous(HEAP, PAGE, Pte.R | Pte.W, false));
        assertEquals(HEAP, s.brk(HEAP + PAGE));
        assertEquals(Region.Kind.ANONYMOUS, s.regionAt(HEAP).kind);
    }
}
