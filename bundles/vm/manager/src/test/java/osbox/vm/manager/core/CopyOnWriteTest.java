package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.PagedAddressSpace.SEGV;
import static osbox.vm.manager.core.PagedAddressSpace.SERVED;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;

/** fork shares every page; a page is copied only when one side writes it. */
class CopyOnWriteTest {
    private final VmFixture f = new VmFixture();
    private final PagedAddressSpace parent = f.space();

    // Ten heap pages, each holding its index.
    private void tenDirtyHeapPages() {
        parent.loadSegment(0x10000, new byte[] {1, 2, 3}, 0, 3, 3, Pte.R | Pte.X);
        parent.initHeap(0x10003);
        parent.brk(0x11000 + 10 * VmFixture.PAGE);
        f.pte(parent, 0x10000); // the text page is brought in, as running the program would
        CopyMemory u = new CopyMemory(f.mem, parent);
        for (int i = 0; i < 10; i++) {
            assertTrue(u.writeLong(0x11000 + i * VmFixture.PAGE, i));
        }
    }

    @Test
    void forkCopiesNoDataPage() {
        tenDirtyHeapPages();
        long used = f.frames.used();
        PagedAddressSpace child = parent.fork();
        long tables = f.frames.used() - used;
        assertTrue(tables <= 3, "only the child's page tables were allocated: " + tables);
        assertEquals(0, parent.cowCopies() + child.cowCopies());
        assertEquals(parent.residentPages(), child.residentPages());
        assertTrue(parent.sharedAtFork() >= 11);
        // both map the same frame, read-only and copy-on-write
        long pp = parent.pte(0x11000);
        long cp = child.pte(0x11000);
        assertEquals(Pte.ppn(pp), Pte.ppn(cp));
        assertEquals(0, pp & Pte.W);
        assertEquals(Pte.COW, cp & Pte.COW);
        // text was read-only: shared, not copy-on-write
        assertEquals(0, child.pte(0x10000) & Pte.COW);
    }

    @Test
    void aWriteCopiesOnlyThatPageAndTheOtherSideKeepsItsData() {
        tenDirtyHeapPages();
        PagedAddressSpace child = parent.fork();
        long used = f.frames.used();
        CopyMemory cu = new CopyMemory(f.mem, child);
        assertTrue(cu.writeLong(0x11000 + 3 * VmFixture.PAGE, 333));
        assertEquals(1, child.cowCopies());
        assertEquals(1, child.cowFaults());
        assertEquals(used + 1, f.frames.used(), "one frame for the copy");
        long[] v = new long[1];
        assertTrue(new CopyMemory(f.mem, parent).readLong(0x11000 + 3 * VmFixture.PAGE, v));
        assertEquals(3, v[0], "the parent still sees its own data");
        assertTrue(cu.readLong(0x11000 + 3 * VmFixture.PAGE, v));
        assertEquals(333, v[0]);
        assertNotEquals(Pte.ppn(parent.pte(0x14000)), Pte.ppn(child.pte(0x14000)));
        assertEquals(Pte.ppn(parent.pte(0x15000)), Pte.ppn(child.pte(0x15000)), "untouched pages stay shared");
    }

    @Test
    void theLastSharerTakesThePageBackWithoutACopy() {
        tenDirtyHeapPages();
        PagedAddressSpace child = parent.fork();
        child.destroy();
        long used = f.frames.used();
        assertEquals(SERVED, parent.handleFault(0x11000, Access.WRITE));
        assertEquals(0, parent.cowCopies());
        assertEquals(1, parent.cowReclaimed());
        assertEquals(used, f.frames.used());
        assertEquals(Pte.W, parent.pte(0x11000) & Pte.W);
    }

    @Test
    void destroyingBothSidesFreesEveryFrameOnce() {
        tenDirtyHeapPages();
        PagedAddressSpace child = parent.fork();
        new CopyMemory(f.mem, child).writeLong(0x11000, 9);
        parent.destroy();
        child.destroy();
        assertEquals(0, f.frames.used(), "every frame, shared or copied, freed exactly once");
    }

    @Test
    void aReadOnlyMappingIsNotMadeWritableByCopyOnWrite() {
        tenDirtyHeapPages();
        PagedAddressSpace child = parent.fork();
        assertEquals(SEGV, child.handleFault(0x10000, Access.WRITE), "text stays read-only");
    }

    @Test
    void mprotectMakingASharedPageWritableKeepsItCopyOnWrite() {
        tenDirtyHeapPages();
        PagedAddressSpace child = parent.fork();
        assertTrue(child.protect(0x10000, VmFixture.PAGE, Pte.R | Pte.W | Pte.X));
        long pte = child.pte(0x10000);
        assertEquals(0, pte & Pte.W, "shared text must not become writable in place");
        assertEquals(Pte.COW, pte & Pte.COW);
        assertEquals(SERVED, child.handleFault(0x10000, Access.WRITE));
        assertNotEquals(Pte.ppn(parent.pte(0x10000)), Pte.ppn(child.pte(0x10000)));
    }
}
