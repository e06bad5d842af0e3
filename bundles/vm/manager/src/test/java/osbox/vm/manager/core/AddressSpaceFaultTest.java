package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.PagedAddressSpace.SEGV;
import static osbox.vm.manager.core.PagedAddressSpace.SERVED;
import static osbox.vm.manager.core.VmFixture.PAGE;
import static osbox.vm.manager.core.VmFixture.flags;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;

/** Demand-zero faults in heap, stack and anonymous regions. */
class AddressSpaceFaultTest {
    private final VmFixture f = new VmFixture();
    private final PagedAddressSpace s = f.space();

    private void imageAndHeap() {
        s.loadSegment(0x10000, new byte[] {1, 2, 3}, 0, 3, 3, Pte.R | Pte.X);
        s.initHeap(0x10003);
        assertEquals(0x11000, s.heapStart());
        assertEquals(0x14000, s.brk(0x14000));
    }

    @Test
    void heapFaultMapsAZeroedPageWithTheRegionsPermissions() {
        imageAndHeap();
        long used = f.frames.used();
        assertEquals(SERVED, s.handleFault(0x12345, Access.WRITE));
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U, flags(s.pte(0x12000)));
        assertTrue(f.pageIsZero(s, 0x12000));
        assertEquals(1, s.minorFaults());
        assertTrue(f.frames.used() > used);
    }

    @Test
    void faultOnAnAlreadyMappedPageIsSegv() {
        imageAndHeap();
        assertEquals(SERVED, s.handleFault(0x12000, Access.READ));
        long pte = s.pte(0x12000);
        assertEquals(SEGV, s.handleFault(0x12008, Access.READ));
        assertEquals(pte, s.pte(0x12000), "mapping unchanged");
        assertEquals(1, s.minorFaults());
    }

    @Test
    void faultOutsideAnyRegionIsSegv() {
        imageAndHeap();
        long used = f.frames.used();
        assertEquals(SEGV, s.handleFault(0x14000, Access.READ), "just past the break");
        assertEquals(SEGV, s.handleFault(0x1_0000_0000L, Access.READ));
        assertEquals(used, f.frames.used());
    }

    @Test
    void pageZeroIsNeverMapped() {
        imageAndHeap();
        assertEquals(SEGV, s.handleFault(0, Access.READ));
        assertEquals(SEGV, s.handleFault(8, Access.WRITE));
        assertEquals(0, s.pte(0));
    }

    @Test
    void disallowedAccessIsSegv() {
        imageAndHeap();
        assertEquals(SEGV, s.handleFault(0x12000, Access.EXECUTE), "heap is not executable");
        assertEquals(0, s.pte(0x12000));
        assertEquals(SEGV, s.handleFault(0x10000, Access.WRITE), "write to read-only text");
        assertEquals(0, s.pte(0x10000), "a refused access brings nothing in");
        assertEquals(SERVED, s.handleFault(0x10000, Access.READ), "image pages come in on first touch");
        assertEquals(SEGV, s.handleFault(0x10000, Access.READ), "and only once");
    }

    @Test
    void writeToReadOnlyAnonymousMappingIsSegv() {
        long a = s.mapAnonymous(0, 2 * PAGE, Pte.R, false);
        assertEquals(SEGV, s.handleFault(a, Access.WRITE));
        assertEquals(0, s.pte(a));
        assertEquals(SERVED, s.handleFault(a + PAGE, Access.READ));
        assertEquals(Pte.V | Pte.R | Pte.U, flags(s.pte(a + PAGE)));
    }

    @Test
    void unknownAccessKindIsSegv() {
        imageAndHeap();
        assertEquals(SEGV, s.handleFault(0x12000, 0));
        assertEquals(SEGV, s.handleFault(0x12000, Access.READ | Access.WRITE));
    }

    @Test
    void stackIsEightMibBelowStackTopAndDemandZero() {
        assertTrue(s.initStack(0));
        Region r = s.regionAt(PagedAddressSpace.STACK_TOP - 1);
        assertEquals(Region.Kind.STACK, r.kind);
        assertEquals(PagedAddressSpace.STACK_TOP - (8L << 20), r.start());
        assertEquals(PagedAddressSpace.STACK_TOP, r.end());
        assertEquals(Pte.R | Pte.W, r.perms());

        assertEquals(SERVED, s.handleFault(PagedAddressSpace.STACK_TOP - 8, Access.WRITE));
        assertEquals(Pte.V | Pte.R | Pte.W | Pte.U, flags(s.pte(PagedAddressSpace.STACK_TOP - PAGE)));
        long lowest = PagedAddressSpace.STACK_TOP - PagedAddressSpace.STACK_LIMIT;
        assertEquals(SERVED, s.handleFault(lowest, Access.READ));
        assertEquals(SEGV, s.handleFault(lowest - 1, Access.READ), "the page below the stack is a guard");
        assertNull(s.regionAt(lowest - 1));
        assertEquals(SEGV, s.handleFault(PagedAddressSpace.STACK_TOP, Access.READ));
        assertEquals(SEGV, s.handleFault(PagedAddressSpace.STACK_TOP - 8, Access.EXECUTE));
    }

    @Test
    void initStackMapsTheTopPagesNow() {
        VmFixture.assumeSv39(); // counts the frames of Sv39 tables
        long used = f.frames.used();
        assertTrue(s.initStack(2));
        assertEquals(2, s.residentPages());
        assertNotEquals(0, s.pte(PagedAddressSpace.STACK_TOP - PAGE));
        assertNotEquals(0, s.pte(PagedAddressSpace.STACK_TOP - 2 * PAGE));
        assertEquals(0, s.pte(PagedAddressSpace.STACK_TOP - 3 * PAGE));
        assertEquals(used + 2 + 2, f.frames.used(), "two pages and two page tables");
    }

    @Test
    void outOfFramesIsOom() {
        VmFixture.assumeSv39(); // counts the frames of Sv39 tables
        VmFixture small = new VmFixture(0, 3);
        PagedAddressSpace tiny = small.space();
        long a = tiny.mapAnonymous(0, PAGE, Pte.R | Pte.W, false);
        assertEquals(PagedAddressSpace.OOM, tiny.handleFault(a, Access.READ));
        assertEquals(0, tiny.pte(a));
        assertEquals(0, tiny.minorFaults());
        tiny.destroy();
        assertEquals(0, small.frames.used(), "nothing leaked by the failed fault");
    }
}
