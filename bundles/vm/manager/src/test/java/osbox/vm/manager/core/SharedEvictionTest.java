package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.SwapTest.HEAP;
import static osbox.vm.manager.core.SwapTest.checkAll;
import static osbox.vm.manager.core.SwapTest.program;
import static osbox.vm.manager.core.SwapTest.writeAll;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Pte;

/**
 * The reverse map: frames several address spaces map (copy-on-write and
 * text after fork, shared anonymous pages) are evictable too, written to one
 * swap slot once for all their mappings.
 */
class SharedEvictionTest {
    static final long PAGE = VmFixture.PAGE;

    @Test
    void aCopyOnWritePageGoesToOneSlotForBothAndComesBackToEach() {
        VmFixture f = new VmFixture(0, 64, 1 << 20);
        PagedAddressSpace parent = program(f, 4);
        writeAll(f, parent, 4, 100);
        PagedAddressSpace child = parent.fork();
        assertNotNull(child);
        // the parent's pages are still registered, one record per frame
        PageRecord first = f.vm.resident().inLoadOrder().get(0);
        assertEquals(parent, first.space(), "the mapper that brought it in owns the record");
        long ppn = first.id();
        assertEquals(2, f.frames.references(ppn));
        assertTrue(f.vm.evictOne());
        assertEquals(1, f.vm.swap().used(), "written once for both mappings");
        assertEquals(1, f.vm.sharedEvictions());
        long pp = parent.pte(first.va());
        long cp = child.pte(first.va());
        assertTrue(Pte.isSwapped(pp) && Pte.isSwapped(cp));
        assertEquals(Pte.ppn(pp), Pte.ppn(cp), "both point at the same slot");
        assertEquals(2, f.vm.swap().references(Pte.ppn(pp)));
        assertEquals(1, parent.swappedPages());
        assertEquals(1, child.swappedPages());
        // each gets the page back on its own fault; the slot goes with the last
        checkAll(f, child, 4, 100);
        assertEquals(1, f.vm.swap().used());
        new CopyMemory(f.mem, child).writeLong(HEAP, 7);
        checkAll(f, parent, 4, 100);
        assertEquals(0, f.vm.swap().used());
        long[] v = new long[1];
        assertTrue(new CopyMemory(f.mem, child).readLong(HEAP, v));
        assertEquals(7, v[0]);
        parent.destroy();
        child.destroy();
        assertEquals(0, f.frames.used());
        assertEquals(0, f.vm.resident().size());
    }

    @Test
    void aForkHeavyWorkloadSwapsSharedPagesInsteadOfRunningOutOfMemory() {
        // 40 frames: a parent with 12 dirty pages and 3 children sharing them, each writing its own
        // 12 pages: more than memory, but swap has room, so nothing is out of memory
        VmFixture f = new VmFixture(0, 40, 4 << 20);
        PagedAddressSpace parent = program(f, 12);
        writeAll(f, parent, 12, 1000);
        PagedAddressSpace[] kids = new PagedAddressSpace[3];
        for (int k = 0; k < kids.length; k++) {
            kids[k] = parent.fork();
            assertNotNull(kids[k], "fork " + k);
            writeAll(f, kids[k], 12, 2000 + 100 * k);
        }
        assertTrue(f.vm.sharedEvictions() > 0, "shared pages were evicted");
        checkAll(f, parent, 12, 1000);
        for (int k = 0; k < kids.length; k++) {
            checkAll(f, kids[k], 12, 2000 + 100 * k);
        }
        for (PagedAddressSpace k : kids) {
            k.destroy();
        }
        parent.destroy();
        assertEquals(0, f.frames.used(), "no frame leaks");
        assertEquals(0, f.vm.swap().used(), "no slot leaks");
        assertEquals(0, f.vm.resident().size());
    }

    @Test
    void aSharedAnonymousPageComesBackSharedWhoeverFaultsItIn() {
        VmFixture f = new VmFixture(0, 64, 1 << 20);
        PagedAddressSpace parent = f.space();
        long at = parent.mapAnonymous(0, 2 * PAGE, Pte.R | Pte.W, false, true);
        CopyMemory pu = new CopyMemory(f.mem, parent);
        assertTrue(pu.writeLong(at, 11));
        PagedAddressSpace child = parent.fork();
        CopyMemory cu = new CopyMemory(f.mem, child);
        long[] v = new long[1];
        assertTrue(cu.readLong(at, v));
        assertEquals(11, v[0]);
        long frame = Pte.ppn(parent.pte(at));
        assertEquals(3, f.frames.references(frame), "the object and two PTEs");
        // evict until the shared page goes (FIFO: it was loaded first)
        assertTrue(f.vm.evictOne());
        assertEquals(0, parent.pte(at) & Pte.V, "every mapping is cleared");
        assertEquals(0, child.pte(at) & Pte.V);
        assertEquals(1, f.vm.swap().used(), "the object keeps one slot");
        assertEquals(0, f.frames.references(frame));
        // the child faults it back and writes: the parent sees it (the page came back into the object)
        assertTrue(cu.writeLong(at, 22));
        assertEquals(0, f.vm.swap().used());
        assertTrue(pu.readLong(at, v));
        assertEquals(22, v[0]);
        assertEquals(Pte.ppn(parent.pte(at)), Pte.ppn(child.pte(at)));
        parent.destroy();
        child.destroy();
        assertEquals(0, f.frames.used());
        assertEquals(0, f.vm.resident().size());
    }

    @Test
    void theRecordMovesToAnotherMapperWhenItsOwnerGoes() {
        VmFixture f = new VmFixture(0, 64, 1 << 20);
        PagedAddressSpace parent = program(f, 2);
        writeAll(f, parent, 2, 5);
        PagedAddressSpace child = parent.fork();
        int records = f.vm.resident().size();
        parent.destroy();
        assertEquals(records, f.vm.resident().size(), "the child's mappings keep the frames evictable");
        for (PageRecord r : f.vm.resident().inLoadOrder()) {
            assertEquals(child, r.space());
        }
        // still evictable: evicting everything and reading back works
        while (f.vm.evictOne()) {
        }
        checkAll(f, child, 2, 5);
        child.destroy();
        assertEquals(0, f.frames.used());
        assertEquals(0, f.vm.swap().used());
    }
}
