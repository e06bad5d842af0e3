package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.Pte;
import osbox.api.memory.AddressSpace;
import osbox.api.trace.TraceKind;

/**
 * The executable image of one address space: its loadable segments, the
 * IMAGE regions they make, and image faults. Nothing is mapped at exec:
 * each page is brought in on its first touch, filled from the file bytes of
 * every segment that overlaps it (the rest, bss, is zero), with the
 * permissions of every such segment (a page two segments share gets both).
 * Children inherit the segments at fork. Simulation thread only.
 */
final class ImageSegments extends SpacePart {
    private static final long PAGE = AddressSpace.PAGE;

    /** One loadable segment: its pages are filled from these bytes on first touch. */
    private record Segment(long vaddr, byte[] data, int off, int fileSize, long memSize, long perms) {
    }

    private final RegionMap regions;
    private final PageMappings mappings;
    /** The segments in the order they were added (shared, read-only, with children at fork). */
    private final List<Segment> segments = new ArrayList<>();

    /** The image of {@code space}, whose regions and PTEs are {@code regions} and {@code mappings}. */
    ImageSegments(PagedAddressSpace space, VirtualMemory vm, RegionMap regions, PageMappings mappings,
            SpaceCounters counters) {
        super(space, vm, counters);
        this.regions = regions;
        this.mappings = mappings;
    }

    /**
     * Adds one segment: [vaddr, vaddr+memSize) becomes an image region with
     * perms (a page shared with an earlier segment joins that region, which
     * gains the permissions, and so does that page's PTE if it is present
     * or in swap). Throws IllegalStateException when the segment overlaps
     * another region beyond such a boundary page.
     */
    void add(long vaddr, byte[] data, int off, int fileSize, long memSize, long perms) {
        long start = vaddr & -PAGE;
        long end = (vaddr + memSize + PAGE - 1) & -PAGE;
        // Segments may share one boundary page (the earlier one's last); any other overlap is refused.
        Region earlier = regions.at(start);
        long from = earlier != null ? earlier.end : start;
        if ((earlier != null && start < earlier.end - PAGE) || !regions.isFree(Math.min(from, end), end)) {
            throw new IllegalStateException("segments overlap at " + Long.toHexString(vaddr));
        }
        segments.add(new Segment(vaddr, data, off, fileSize, memSize, perms));
        if (earlier != null) {
            earlier.end = Math.max(earlier.end, end);
            earlier.perms |= perms;
            long slot = mappings.slot(start, false);
            if (slot >= 0 && ((mem.load(slot, 8) & Pte.V) != 0 || Pte.isSwapped(mem.load(slot, 8)))) {
                mem.store(slot, 8, mem.load(slot, 8) | perms);
            }
        } else {
            regions.add(Region.Kind.IMAGE, start, end, perms);
        }
    }

    /**
     * A fault on image page {@code page} (not present, not in swap) for
     * access: SEGV when the segments over it do not permit the access,
     * else the page brought in ({@link AddressSpace#SERVED}, or OOM when no
     * frame can be found).
     */
    int fault(long page, int access) {
        long perms = perms(page);
        return PageMappings.permits(perms, access) ? fill(page, perms, access) : AddressSpace.SEGV;
    }

    /** fork: the child's image is the same segments (their bytes are shared, never written). */
    void inherit(ImageSegments parent) {
        segments.addAll(parent.segments);
    }

    // R/W/X of an image page: those of every segment that overlaps it (a boundary page gets both).
    private long perms(long page) {
        long perms = 0;
        for (Segment seg : segments) {
            if (seg.vaddr() < page + PAGE && page < seg.vaddr() + seg.memSize()) {
                perms |= seg.perms();
            }
        }
        return perms;
    }

    // Brings an image page in: a zeroed frame with the bytes of every segment overlapping it.
    private int fill(long page, long perms, int access) {
        long f = vm.allocateFrame();
        if (f < 0) {
            return AddressSpace.OOM;
        }
        mem.zeroFrame(f);
        for (Segment seg : segments) {
            long lo = Math.max(page, seg.vaddr());
            long hi = Math.min(page + PAGE, seg.vaddr() + seg.fileSize());
            if (lo < hi) {
                mem.write((f << 12) + (lo - page), seg.data(), seg.off() + (int) (lo - seg.vaddr()), (int) (hi - lo));
            }
        }
        if (!mappings.map(page, f, perms)) {
            frames.release(f);
            return AddressSpace.OOM;
        }
        vm.loaded(space, page, f);
        counters.imageFaults++;
        vm.traceMemory(TraceKind.IMAGE_FAULT, space, page | access, counters.resident);
        return AddressSpace.SERVED;
    }
}
