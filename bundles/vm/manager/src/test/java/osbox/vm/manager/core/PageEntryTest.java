package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Pte;
import osbox.api.memory.MemoryRegion;
import osbox.api.memory.PageEntry;
import osbox.api.memory.RegionUsage;
import osbox.hw.memory.FrameStore;
import osbox.testkit.hw.FakeMachine;

/** AddressSpace.page and regionUsage: what the shell's vm:page and vm:maps show. */
class PageEntryTest {
    static final long HEAP = SwapTest.HEAP;
    static final long PAGE = VmFixture.PAGE;

    @Test
    void aPresentPageShowsItsFrameAndBits() {
        VmFixture f = new VmFixture();
        PagedAddressSpace s = SwapTest.program(f, 4);
        assertTrue(new CopyMemory(f.mem, s).writeLong(HEAP + 8, 42));
        PageEntry e = s.page(HEAP + 8);
        assertEquals(HEAP, e.va());
        assertEquals(s.pte(HEAP), e.pte());
        assertTrue(e.present());
        assertFalse(e.swapped());
        assertEquals(Pte.ppn(s.pte(HEAP)), e.frame());
        assertEquals(-1, e.swapSlot());
        assertEquals("vrw-uad--", e.flags());
    }

    @Test
    void aCopyOnWritePageIsReadOnlyWithC() {
        VmFixture f = new VmFixture();
        PagedAddressSpace parent = SwapTest.program(f, 4);
        assertTrue(new CopyMemory(f.mem, parent).writeLong(HEAP, 1));
        PagedAddressSpace child = parent.fork();
        PageEntry p = parent.page(HEAP);
        PageEntry c = child.page(HEAP);
        assertEquals("vr--uadc-", p.flags());
        assertEquals("vr--uadc-", c.flags());
        assertEquals(p.frame(), c.frame(), "both map the one frame");
        assertTrue(new CopyMemory(f.mem, child).writeLong(HEAP, 2));
        assertEquals("vrw-uad--", child.page(HEAP).flags(), "the write copied it");
        assertTrue(child.page(HEAP).frame() != p.frame());
    }

    @Test
    void aSwappedPageKeepsItsSlotInThePte() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = SwapTest.program(f, 40);
        SwapTest.writeAll(f, s, 40, 0);
        PageEntry e = s.page(HEAP);
        assertFalse(e.present());
        assertTrue(e.swapped());
        assertEquals(-1, e.frame());
        assertEquals(Pte.ppn(s.pte(HEAP)), e.swapSlot());
        assertTrue(f.vm.swap().inUse(e.swapSlot()));
        assertEquals("-rw-u---s", e.flags(), "R/W/U kept, A and D cleared");
        assertEquals(0x200 | 0x16 | (e.swapSlot() << 10), e.pte());
    }

    @Test
    void anUntouchedOrUnmappedPageIsZero() {
        VmFixture f = new VmFixture();
        PagedAddressSpace s = SwapTest.program(f, 4);
        for (long va : new long[] {HEAP + 2 * PAGE, 0, 0x3f_0000_0000L, -1, 1L << 40}) {
            PageEntry e = s.page(va);
            assertEquals(0, e.pte(), Long.toHexString(va));
            assertFalse(e.present());
            assertFalse(e.swapped());
            assertEquals(-1, e.frame());
            assertEquals(-1, e.swapSlot());
            assertEquals("---------", e.flags());
        }
        s.destroy();
        assertEquals(0, s.page(HEAP).pte());
    }

    @Test
    void regionUsageCountsResidentAndSwappedPagesPerRegion() {
        VmFixture f = new VmFixture(0, 12, 1 << 20);
        PagedAddressSpace s = SwapTest.program(f, 40);
        SwapTest.writeAll(f, s, 40, 0);
        s.initStack(1);
        List<RegionUsage> u = s.regionUsage();
        assertEquals(s.memoryRegions(), u.stream().map(RegionUsage::region).toList());
        assertEquals(MemoryRegion.Kind.IMAGE, u.get(0).region().kind());
        assertEquals(MemoryRegion.Kind.HEAP, u.get(1).region().kind());
        assertEquals(MemoryRegion.Kind.STACK, u.get(2).region().kind());
        long resident = 0;
        long swapped = 0;
        for (RegionUsage r : u) {
            resident += r.resident();
            swapped += r.swapped();
        }
        assertEquals(s.residentPages(), resident);
        assertEquals(s.swappedPages(), swapped);
        assertEquals(40, u.get(1).resident() + u.get(1).swapped(), "every heap page was touched");
        assertTrue(u.get(1).swapped() > 0);
        assertEquals(1, u.get(2).resident() + u.get(2).swapped(), "one stack page of 2048");
        assertEquals(0, u.get(0).resident() + u.get(0).swapped(), "the text was never touched");
    }

    @Test
    void theManagerFindsTheLiveSpaceOfAPid() {
        FakeMachine m = new FakeMachine(0, new FrameStore(1 << 20));
        VmManager manager = new VmManager(m, VmManager.Settings.defaults());
        assertNull(manager.addressSpace(7));
        PagedAddressSpace a = manager.createAddressSpace(7);
        PagedAddressSpace b = manager.createAddressSpace(7);
        PagedAddressSpace c = manager.createAddressSpace(8);
        assertSame(a, manager.addressSpace(7), "the oldest");
        assertSame(c, manager.addressSpace(8));
        assertNull(manager.addressSpace(0));
        a.destroy();
        assertSame(b, manager.addressSpace(7));
        b.destroy();
        assertNull(manager.addressSpace(7));
    }
}
