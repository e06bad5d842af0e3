package osbox.vm.manager.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.Pte;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.SharedMemoryObject;

/**
 * System V segments as the VM manager keeps them (createSharedMemory,
 * attach, detach): the same frames in every attachment, attachments kept by
 * fork and dropped by exit, the listener told of each, the pages freed only
 * when the creator released the segment and the last attachment went.
 */
class SharedSegmentTest {
    static final long PAGE = VmFixture.PAGE;
    private final VmFixture f = new VmFixture(0, 256, 1 << 20);
    private final List<String> heard = new ArrayList<>();

    private SharedMemory segment(int pages) {
        SharedMemory s = SharedMemory.segment(pages, f.vm);
        s.setListener(new SharedMemoryObject.AttachListener() {
            @Override
            public void attached(int pid, int attachments) {
                heard.add("+" + pid + "=" + attachments);
            }

            @Override
            public void detached(int pid, int attachments) {
                heard.add("-" + pid + "=" + attachments);
            }
        });
        return s;
    }

    private PagedAddressSpace space(int pid) {
        PagedAddressSpace s = f.space();
        s.assignPid(pid);
        return s;
    }

    private long read(PagedAddressSpace s, long va) {
        long[] v = new long[1];
        assertTrue(new CopyMemory(f.mem, s).readLong(va, v));
        return v[0];
    }

    private void write(PagedAddressSpace s, long va, long value) {
        assertTrue(new CopyMemory(f.mem, s).writeLong(va, value));
    }

    @Test
    void twoUnrelatedSpacesSeeEachOthersWritesInTheSameFrames() {
        SharedMemory seg = segment(3);
        PagedAddressSpace a = space(10);
        PagedAddressSpace b = space(11);
        long at = a.attach(seg, 0, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        long bt = b.attach(seg, 0, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        assertTrue(at > 0 && bt > 0);
        write(a, at + PAGE, 42);
        assertEquals(42, read(b, bt + PAGE));
        write(b, bt + 2 * PAGE + 8, 7);
        assertEquals(7, read(a, at + 2 * PAGE + 8));
        assertEquals(Pte.ppn(a.pte(at + PAGE)), Pte.ppn(b.pte(bt + PAGE)), "one frame for both");
        assertEquals(2, seg.attachments());
        assertEquals(2, seg.residentPages());
        assertEquals(List.of("+10=1", "+11=2"), heard);
        a.destroy();
        b.destroy();
        assertEquals(0, seg.attachments());
        assertEquals(List.of("+10=1", "+11=2", "-10=1", "-11=0"), heard);
        assertEquals(2, seg.residentPages(), "the segment outlives its attachments");
        seg.release();
        assertEquals(0, f.frames.used(), "the creator's release with no attachment frees the frames");
        assertEquals(0, f.vm.resident().size());
    }

    @Test
    void forkKeepsTheAttachmentAndExitDropsIt() {
        SharedMemory seg = segment(1);
        PagedAddressSpace parent = space(20);
        long at = parent.attach(seg, 0, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        write(parent, at, 1);
        PagedAddressSpace child = parent.fork();
        child.assignPid(21);
        write(child, at, 2);
        assertEquals(2, read(parent, at), "not copied on write");
        assertEquals(0, child.cowFaults() + parent.cowFaults());
        assertEquals(2, seg.attachments());
        assertEquals(List.of("+20=1", "+20=2"), heard, "fork is the parent's doing");
        seg.release();
        assertEquals(1, f.frames.references(Pte.ppn(parent.pte(at))) - 2, "the segment still holds its frame");
        child.destroy();
        assertEquals("-21=1", heard.get(heard.size() - 1));
        assertEquals(2, read(parent, at));
        parent.destroy();
        assertEquals(0, f.frames.used(), "the last detach of a released segment frees it");
    }

    @Test
    void detachUnmapsOnlyTheSegmentAndAnswersNullElsewhere() {
        SharedMemory seg = segment(2);
        PagedAddressSpace s = space(30);
        long at = s.attach(seg, 0, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        assertNull(s.detach(at + PAGE), "not where an attachment starts");
        long anon = s.mapShared(0, PAGE, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        assertNull(s.detach(anon), "a MAP_SHARED mapping is no segment");
        assertSame(seg, s.detach(at));
        assertEquals(0, seg.attachments());
        assertFalse(s.memoryRegions().stream().anyMatch(r -> r.start() == at), "the range is unmapped");
        assertNull(s.detach(at), "detached already");
        assertTrue(s.memoryRegions().stream().anyMatch(r -> r.start() == anon));
        seg.release();
        s.destroy();
        assertEquals(0, f.frames.used());
    }

    @Test
    void aReadOnlyAttachmentCannotWriteAndAGivenAddressIsUsed() {
        SharedMemory seg = segment(1);
        PagedAddressSpace s = space(40);
        long want = 0x20_0000_0000L;
        long at = s.attach(seg, want, AddressSpace.PROT_READ, true);
        assertEquals(want, at);
        assertEquals(0, read(s, at));
        assertFalse(new CopyMemory(f.mem, s).writeLong(at, 1), "read-only");
        assertEquals(PagedAddressSpace.SEGV, s.handleFault(at, osbox.api.hw.Access.WRITE));
        s.destroy();
        seg.release();
        assertThrows(IllegalStateException.class, seg::release, "released twice");
    }

    @Test
    void segmentPagesGoToSwapAndComeBackShared() {
        VmFixture small = new VmFixture(0, 48, 1 << 20);
        SharedMemory seg = SharedMemory.segment(4, small.vm);
        PagedAddressSpace a = small.space();
        PagedAddressSpace b = small.space();
        long at = a.attach(seg, 0, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        long bt = b.attach(seg, 0, AddressSpace.PROT_READ | AddressSpace.PROT_WRITE, false);
        CopyMemory ca = new CopyMemory(small.mem, a);
        CopyMemory cb = new CopyMemory(small.mem, b);
        for (int i = 0; i < 4; i++) {
            assertTrue(ca.writeLong(at + i * PAGE, 100 + i));
        }
        while (small.vm.evictOne()) {
            // everything that can go
        }
        assertEquals(4, seg.swappedPages(), "the segment's pages went to swap");
        long[] v = new long[1];
        for (int i = 0; i < 4; i++) {
            assertTrue(cb.readLong(bt + i * PAGE, v));
            assertEquals(100 + i, v[0], "page " + i + " came back for the other attacher");
        }
        assertEquals(0, seg.swappedPages());
        a.destroy();
        b.destroy();
        seg.release();
        assertEquals(0, small.frames.used());
        assertEquals(0, small.vm.swap().used());
    }

    @Test
    void aSegmentHasAtLeastOnePage() {
        assertThrows(IllegalArgumentException.class, () -> SharedMemory.segment(0, f.vm));
        assertEquals(5, SharedMemory.segment(5, f.vm).pages());
    }
}
