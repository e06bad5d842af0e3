package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.vm.manager.core.PagedAddressSpace.OOM;
import static osbox.vm.manager.core.PagedAddressSpace.SERVED;

import org.junit.jupiter.api.Test;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.memory.UserCopy;

/**
 * With a tiny memory and no swap every path that needs a frame fails
 * cleanly: a null or an OOM answer, never an exception, and nothing leaks
 * (the frames in use after are those before).
 */
class OutOfMemoryPathsTest {
    static final long PAGE = VmFixture.PAGE;
    static final long HEAP = 0x11000;

    private static PagedAddressSpace program(VmFixture f, int heapPages) {
        PagedAddressSpace s = f.space();
        assertNotNull(s);
        s.loadSegment(0x10000, new byte[] {1, 2, 3}, 0, 3, 3, Pte.R | Pte.X);
        s.initHeap(0x10003);
        assertEquals(HEAP + heapPages * PAGE, s.brk(HEAP + heapPages * PAGE));
        return s;
    }

    // Faults heap pages in until memory runs out; returns how many were served.
    private static int fill(PagedAddressSpace s, int max) {
        int n = 0;
        while (n < max && s.handleFault(HEAP + n * PAGE, Access.WRITE) == SERVED) {
            n++;
        }
        return n;
    }

    @Test
    void forkWithoutFramesForTheChildsTablesReturnsNullAndFreesWhatItTook() {
        for (int frames = 6; frames <= 12; frames++) {
            VmFixture f = new VmFixture(0, frames, 0);
            PagedAddressSpace parent = program(f, 64);
            int pages = fill(parent, 64);
            assertTrue(pages > 0);
            long used = f.frames.used();
            PagedAddressSpace child = parent.fork();
            if (child == null) {
                assertEquals(used, f.frames.used(), frames + " frames: fork freed what it took");
            } else {
                child.destroy();
                assertEquals(used, f.frames.used());
            }
            // the parent is intact and can still write its pages (copy-on-write taken back)
            CopyMemory u = new CopyMemory(f.mem, parent);
            for (int i = 0; i < pages; i++) {
                assertTrue(u.writeLong(HEAP + i * PAGE, i), "page " + i);
            }
            parent.destroy();
            assertEquals(0, f.frames.used());
        }
    }

    @Test
    void createWithoutAFrameIsNull() {
        VmFixture f = new VmFixture(0, 3, 0);
        java.util.List<Long> taken = new java.util.ArrayList<>();
        for (long p = f.frames.allocate(); p >= 0; p = f.frames.allocate()) {
            taken.add(p);
        }
        assertNull(f.space());
        for (long p : taken) {
            f.frames.release(p);
        }
        assertEquals(0, f.frames.used());
    }

    @Test
    void brkAndMmapGrowWithoutFramesAndTheFaultIsOom() {
        VmFixture f = new VmFixture(0, 6, 0);
        PagedAddressSpace s = program(f, 1);
        fill(s, 1);
        long used = f.frames.used();
        // growth is demand paged: the call succeeds, the page that cannot be found is the fault's OOM
        assertEquals(HEAP + 100 * PAGE, s.brk(HEAP + 100 * PAGE));
        long at = s.mapAnonymous(0, 100 * PAGE, Pte.R | Pte.W, false);
        assertTrue(at > 0);
        long shared = s.mapAnonymous(0, 4 * PAGE, Pte.R | Pte.W, false, true);
        assertTrue(shared > 0);
        int served = fill(s, 100);
        assertTrue(served < 100);
        assertEquals(OOM, s.handleFault(at, Access.WRITE));
        assertEquals(OOM, s.handleFault(shared, Access.WRITE), "a shared page too");
        // shrinking gives the pages back (the page tables the failed faults made stay, as on Linux)
        assertEquals(HEAP + PAGE, s.brk(HEAP + PAGE));
        assertEquals(1, s.residentPages());
        assertTrue(f.frames.used() <= used + 2 * 2, f.frames.used() + " frames used, " + used + " before");
        s.destroy();
        assertEquals(0, f.frames.used());
    }

    @Test
    void aKernelCopyThatNeedsAFrameFailsWithoutWritingOrThrowing() {
        VmFixture f = new VmFixture(0, 6, 0);
        PagedAddressSpace s = program(f, 20);
        int served = fill(s, 20);
        CopyMemory u = new CopyMemory(f.mem, s);
        byte[] buf = new byte[(int) (3 * PAGE)];
        java.util.Arrays.fill(buf, (byte) 7);
        // spans a resident page and pages no frame is left for: all or nothing
        assertFalse(u.write(HEAP + (served - 1) * PAGE, buf, 0, buf.length));
        long[] v = new long[1];
        assertTrue(u.readLong(HEAP + (served - 1) * PAGE, v));
        assertEquals(0, v[0], "nothing was written");
        assertFalse(u.read(HEAP + served * PAGE, buf, 0, 8));
        s.destroy();
        assertEquals(0, f.frames.used());
    }

    @Test
    void aKernelCopyAnswersOutOfMemoryAndSucceedsOnceMemoryIsFreed() {
        VmFixture f = new VmFixture(0, 12, 0);
        PagedAddressSpace s = program(f, 4);
        s.assignPid(8);
        PagedAddressSpace hog = program(f, 64);
        hog.assignPid(7);
        fill(hog, 64);
        UserAccess u = new UserAccess(f.mem, s);
        byte[] one = {1, 0, 0, 0, 0, 0, 0, 0};
        // no frame for the heap page: the copy says so (the kernel decides whom to kill), and writes nothing
        assertEquals(UserCopy.OUT_OF_MEMORY, u.copyOut(HEAP, one, 0, 8));
        assertEquals(UserCopy.OUT_OF_MEMORY, u.copyIn(HEAP, new byte[8], 0, 8));
        assertEquals(UserCopy.BAD_ADDRESS, u.copyOut(0x5000_0000L, one, 0, 8), "no region: not a memory shortage");
        // the kernel killed the hog: the same copy, tried again, is done
        hog.destroy();
        byte[] two = {2, 0, 0, 0, 0, 0, 0, 0};
        assertEquals(UserCopy.DONE, u.copyOut(HEAP, two, 0, 8));
        byte[] back = new byte[8];
        assertEquals(UserCopy.DONE, u.copyIn(HEAP, back, 0, 8));
        assertEquals(2, back[0]);
        s.destroy();
        assertEquals(0, f.frames.used());
    }

    @Test
    void aStackWithoutFramesIsRefused() {
        VmFixture f = new VmFixture(0, 3, 0);
        PagedAddressSpace s = f.space();
        assertFalse(s.initStack(4));
        s.destroy();
        assertEquals(0, f.frames.used());
    }

    @Test
    void copyOnWriteWithoutAFrameIsOomAndTheSharedPageIsIntact() {
        VmFixture f = new VmFixture(0, 16, 0);
        PagedAddressSpace parent = program(f, 8);
        CopyMemory pu = new CopyMemory(f.mem, parent);
        assertTrue(pu.writeLong(HEAP, 42));
        PagedAddressSpace child = parent.fork();
        assertNotNull(child);
        // use up memory in a third space
        PagedAddressSpace hog = program(f, 64);
        fill(hog, 64);
        assertEquals(0, f.frames.available());
        assertEquals(OOM, child.handleFault(HEAP, Access.WRITE));
        long[] v = new long[1];
        assertTrue(new CopyMemory(f.mem, child).readLong(HEAP, v));
        assertEquals(42, v[0]);
        hog.destroy();
        child.destroy();
        parent.destroy();
        assertEquals(0, f.frames.used());
    }
}
