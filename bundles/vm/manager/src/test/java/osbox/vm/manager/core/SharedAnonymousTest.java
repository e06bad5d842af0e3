package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.PagedAddressSpace.SEGV;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;

/** MAP_SHARED|MAP_ANONYMOUS: one set of pages for every process that inherited the mapping by fork. */
class SharedAnonymousTest {
    static final long PAGE = VmFixture.PAGE;
    private final VmFixture f = new VmFixture();
    private final PagedAddressSpace parent = f.space();

    private long shared(PagedAddressSpace s, int pages) {
        long at = s.mapAnonymous(0, pages * PAGE, Pte.R | Pte.W, false, true);
        assertTrue(at > 0);
        return at;
    }

    private static long read(PagedAddressSpace s, long va) {
        long[] v = new long[1];
        assertTrue(new CopyMemory(s.vm().memory(), s).readLong(va, v));
        return v[0];
    }

    private static void write(PagedAddressSpace s, long va, long value) {
        assertTrue(new CopyMemory(s.vm().memory(), s).writeLong(va, value));
    }

    @Test
    void writesAfterForkAreSeenByBothSides() {
        long at = shared(parent, 4);
        write(parent, at, 1);
        PagedAddressSpace child = parent.fork();
        assertEquals(1, read(child, at));
        write(child, at, 2);
        assertEquals(2, read(parent, at), "the parent sees the child's write");
        write(parent, at + 8, 3);
        assertEquals(3, read(child, at + 8), "the child sees the parent's write");
        assertEquals(0, child.cowFaults() + parent.cowFaults(), "no copy-on-write on a shared page");
        assertEquals(Pte.ppn(parent.pte(at)), Pte.ppn(child.pte(at)));
        assertEquals(Pte.W, parent.pte(at) & Pte.W);
        assertEquals(0, child.pte(at) & Pte.COW);
    }

    @Test
    void aPageFirstTouchedByTheChildIsTheParentsToo() {
        long at = shared(parent, 4);
        PagedAddressSpace child = parent.fork();
        write(child, at + 2 * PAGE, 0xc41d);
        assertEquals(0xc41d, read(parent, at + 2 * PAGE));
        assertEquals(0, read(parent, at + 3 * PAGE), "zero-filled on first touch, whoever touches it");
        assertEquals(0, read(child, at + 3 * PAGE));
        write(parent, at + 3 * PAGE, 7);
        assertEquals(7, read(child, at + 3 * PAGE));
    }

    @Test
    void privateMappingsStayPrivate() {
        long at = parent.mapAnonymous(0, PAGE, Pte.R | Pte.W, false);
        write(parent, at, 1);
        PagedAddressSpace child = parent.fork();
        write(child, at, 2);
        assertEquals(1, read(parent, at));
    }

    @Test
    void grandchildrenShareTooAndTheLastUnmapFreesTheFrames() {
        long before = f.frames.used();
        long at = shared(parent, 2);
        write(parent, at, 5);
        PagedAddressSpace child = parent.fork();
        PagedAddressSpace grandchild = child.fork();
        write(grandchild, at + PAGE, 6);
        assertEquals(6, read(parent, at + PAGE));
        parent.unmap(at, 2 * PAGE);
        assertEquals(SEGV, parent.handleFault(at, Access.READ));
        assertEquals(6, read(child, at + PAGE), "the others keep the pages");
        child.destroy();
        assertEquals(5, read(grandchild, at));
        grandchild.destroy();
        parent.destroy();
        assertEquals(before - 1, f.frames.used(), "every frame back but the parent's root, which destroy freed too");
    }

    @Test
    void noFrameLeaksAfterEveryoneIsGone() {
        long before = f.frames.used();
        PagedAddressSpace p = f.space();
        long at = shared(p, 8);
        for (int i = 0; i < 8; i += 2) {
            write(p, at + i * PAGE, i);
        }
        PagedAddressSpace c = p.fork();
        for (int i = 1; i < 8; i += 2) {
            write(c, at + i * PAGE, i);
        }
        for (int i = 0; i < 8; i++) {
            assertEquals(i, read(p, at + i * PAGE));
        }
        p.destroy();
        c.destroy();
        assertEquals(before, f.frames.used());
    }

    @Test
    void aPartialUnmapKeepsTheRestShared() {
        long at = shared(parent, 4);
        PagedAddressSpace child = parent.fork();
        parent.unmap(at + PAGE, PAGE);
        write(child, at + 3 * PAGE, 9);
        assertEquals(9, read(parent, at + 3 * PAGE), "the upper part still maps the same object");
        write(parent, at, 8);
        assertEquals(8, read(child, at));
        assertEquals(SEGV, parent.handleFault(at + PAGE, Access.READ));
        write(child, at + PAGE, 4);
        child.destroy();
        parent.destroy();
    }

    @Test
    void mprotectIsPerProcess() {
        long at = shared(parent, 1);
        write(parent, at, 1);
        PagedAddressSpace child = parent.fork();
        assertTrue(child.protect(at, PAGE, Pte.R));
        assertEquals(SEGV, child.handleFault(at, Access.WRITE));
        write(parent, at, 2);
        assertEquals(2, read(child, at));
        assertTrue(child.protect(at, PAGE, Pte.R | Pte.W));
        write(child, at, 3);
        assertEquals(3, read(parent, at), "writable in place again: no copy");
        assertEquals(0, child.cowCopies());
    }

    @Test
    void afterForkAFixedPrivateMappingOverTheSharedOneDetachesOnlyThatProcess() {
        long at = shared(parent, 1);
        write(parent, at, 1);
        PagedAddressSpace child = parent.fork();
        assertEquals(at, child.mapAnonymous(at, PAGE, Pte.R | Pte.W, true));
        assertEquals(0, read(child, at));
        write(child, at, 2);
        assertEquals(1, read(parent, at));
        assertNotEquals(Pte.ppn(parent.pte(at)), Pte.ppn(child.pte(at)));
        assertEquals(Pte.W, parent.pte(at) & Pte.W, "the parent's page is still writable in place");
    }
}
