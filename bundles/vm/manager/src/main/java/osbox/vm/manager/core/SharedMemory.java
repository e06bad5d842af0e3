package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A shared anonymous memory object (MAP_SHARED|MAP_ANONYMOUS): one frame (or
 * one swap slot) per page, shared by every region that maps it, in every
 * address space that inherited the mapping through fork. A page is
 * zero-filled on the first touch by any sharer and from then on every sharer
 * maps that same frame, writable in place (no copy-on-write).
 *
 * <p>Frame references: the object holds one reference to each of its
 * resident frames, and every PTE that maps one holds another (so a sharer's
 * unmap or exit releases its PTE's reference through the ordinary paths).
 * Swapped pages: the object alone holds the slot; every sharer's PTE for it
 * is cleared on eviction, and the next fault by any sharer brings the page
 * back into the object (shared again). The object lives while regions
 * reference it ({@link #retain}, {@link #release}); the last release frees
 * its frames and slots. Its mappers (the regions and their spaces, in the
 * order they started mapping it) are the reverse map eviction uses.
 * Simulation thread only.
 */
public final class SharedMemory {
    /** A page never touched. */
    static final long ABSENT = 0;
    private static final long RESIDENT = 1L << 62, SWAPPED = 1L << 61, NUMBER = (1L << 44) - 1;

    private final long[] pages;
    private final List<Mapping> mappers = new ArrayList<>();
    private int references;

    /** One region of one space mapping (part of) the object. */
    record Mapping(PagedAddressSpace space, Region region) {
    }

    SharedMemory(long pageCount) {
        if (pageCount <= 0 || pageCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad shared mapping size: " + pageCount + " pages");
        }
        this.pages = new long[(int) pageCount];
    }

    int pageCount() {
        return pages.length;
    }

    /** The frame of page i, or -1 when it is not resident. */
    long frame(long i) {
        long p = pages[(int) i];
        return (p & RESIDENT) != 0 ? p & NUMBER : -1;
    }

    /** The swap slot of page i, or -1 when it is not in swap. */
    long slot(long i) {
        long p = pages[(int) i];
        return (p & SWAPPED) != 0 ? p & NUMBER : -1;
    }

    void setFrame(long i, long ppn) {
        pages[(int) i] = RESIDENT | ppn;
    }

    void setSlot(long i, long slot) {
        pages[(int) i] = SWAPPED | slot;
    }

    /** The page index holding frame ppn, or -1. */
    long indexOfFrame(long ppn) {
        for (int i = 0; i < pages.length; i++) {
            if (pages[i] == (RESIDENT | ppn)) {
                return i;
            }
        }
        return -1;
    }

    /** Pages resident now. */
    long residentCount() {
        long n = 0;
        for (long p : pages) {
            if ((p & RESIDENT) != 0) {
                n++;
            }
        }
        return n;
    }

    /** A region of space maps (part of) the object: one more reference. */
    void retain(PagedAddressSpace space, Region region) {
        references++;
        mappers.add(new Mapping(space, region));
    }

    /**
     * The region stopped mapping the object (unmapped, exit, exec). With the
     * last reference the object frees its frames (through vm, so the
     * replacement policy forgets them) and swap slots.
     */
    void release(PagedAddressSpace space, Region region, VirtualMemory vm) {
        for (int k = 0; k < mappers.size(); k++) {
            Mapping m = mappers.get(k);
            if (m.region() == region) {
                mappers.remove(k);
                break;
            }
        }
        if (--references > 0) {
            return;
        }
        for (int i = 0; i < pages.length; i++) {
            long p = pages[i];
            if ((p & RESIDENT) != 0) {
                vm.sharedFrameFreed(this, p & NUMBER);
                vm.frames().release(p & NUMBER);
            } else if ((p & SWAPPED) != 0) {
                vm.swap().free(p & NUMBER);
            }
            pages[i] = ABSENT;
        }
    }

    /** Regions mapping the object now (the reverse map), oldest first. */
    List<Mapping> mappers() {
        return new ArrayList<>(mappers);
    }

    /** Regions referencing the object. */
    int references() {
        return references;
    }

    @Override
    public String toString() {
        return "shared memory (" + pages.length + " pages, " + references + " mappers)";
    }
}
