package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;
import osbox.api.memory.SharedMemoryObject;

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
 *
 * <p>A segment ({@link #segment}, made by {@code createSharedMemory} for
 * System V shared memory) also has its creator's reference, held until
 * {@link #release()}, so it outlives its attachments; attachments (regions)
 * come and go through {@link osbox.api.memory.AddressSpace#attach}
 * and {@link osbox.api.memory.AddressSpace#detach}, and its {@link AttachListener} hears each.
 * A resident page of a segment no process maps stays in its frame, out of
 * the replacement policy's reach, until a process touches it again (see
 * {@link ReverseMap#staysEvictable}). Simulation thread only.
 */
public final class SharedMemory implements SharedMemoryObject {
    /** A page never touched. */
    static final long ABSENT = 0;
    private static final long RESIDENT = 1L << 62, SWAPPED = 1L << 61, NUMBER = (1L << 44) - 1;

    private final long[] pages;
    private final List<Mapping> mappers = new ArrayList<>();
    private int references;
    /** The VM a segment frees its pages through (null: a MAP_SHARED object, which has no creator's reference). */
    private final VirtualMemory segmentVm;
    private boolean released;
    private AttachListener listener;
    /** The manager's handle of a segment (0: a MAP_SHARED object, or not given one). */
    private long handle;

    /** One region of one space mapping (part of) the object. */
    record Mapping(PagedAddressSpace space, Region region) {
    }

    /** A MAP_SHARED anonymous object: it lives while regions map it. */
    SharedMemory(long pageCount) {
        this(pageCount, null);
    }

    // A segment (vm given) starts with its creator's reference; a MAP_SHARED object with none.
    private SharedMemory(long pageCount, VirtualMemory vm) {
        if (pageCount <= 0 || pageCount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bad shared mapping size: " + pageCount + " pages");
        }
        this.pages = new long[(int) pageCount];
        this.segmentVm = vm;
        this.references = vm == null ? 0 : 1;
    }

    /** A segment of pageCount pages (1 .. 2^31-1) held by its creator until {@link #release()}, freeing through vm. */
    static SharedMemory segment(long pageCount, VirtualMemory vm) {
        return new SharedMemory(pageCount, vm);
    }

    /** Whether this segment frees its pages through vm (was made by vm's manager). */
    boolean belongsTo(VirtualMemory vm) {
        return segmentVm == vm;
    }

    /** Whether this is a segment (made for System V shared memory, attachable), not a MAP_SHARED object. */
    boolean isSegment() {
        return segmentVm != null;
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

    /**
     * A region of space maps (part of) the object: one more reference. The
     * listener hears that process {@code byPid} attached it (at fork, the
     * parent's pid: the child's is not set yet).
     */
    void retain(PagedAddressSpace space, Region region, int byPid) {
        if (released && segmentVm != null && references == 0) {
            throw new IllegalStateException(this + " was freed: it cannot be mapped again");
        }
        references++;
        mappers.add(new Mapping(space, region));
        if (listener != null) {
            listener.attached(byPid, mappers.size());
        }
    }

    /**
     * The region stopped mapping the object (unmapped, exit, exec). With the
     * last reference the object frees its frames (through vm, so the
     * replacement policy forgets them) and swap slots.
     */
    void release(PagedAddressSpace space, Region region, VirtualMemory vm) {
        boolean found = false;
        for (int k = 0; k < mappers.size(); k++) {
            Mapping m = mappers.get(k);
            if (m.region() == region) {
                mappers.remove(k);
                found = true;
                break;
            }
        }
        if (!found) {
            throw new IllegalStateException(this + " released by a region that does not map it");
        }
        if (listener != null) {
            listener.detached(space.pid(), mappers.size());
        }
        if (--references == 0) {
            free(vm);
        }
    }

    // The last reference went: frees the frames (through vm, so the replacement policy forgets them)
    // and swap slots.
    private void free(VirtualMemory vm) {
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

    @Override
    public long pages() {
        return pages.length;
    }

    @Override
    public int attachments() {
        return mappers.size();
    }

    @Override
    public long residentPages() {
        return residentCount();
    }

    @Override
    public long swappedPages() {
        long n = 0;
        for (long p : pages) {
            if ((p & SWAPPED) != 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void setListener(AttachListener newListener) {
        listener = newListener;
    }

    /** The creator's reference goes (a segment only); the pages go now if nothing maps them. */
    @Override
    public void release() {
        if (segmentVm == null) {
            throw new IllegalStateException(this + " is a MAP_SHARED object: it has no creator's reference");
        }
        if (released) {
            throw new IllegalStateException(this + " released twice");
        }
        released = true;
        if (--references == 0) {
            free(segmentVm);
        }
    }

    @Override
    public boolean released() {
        return released;
    }

    @Override
    public long handle() {
        return handle;
    }

    /** Gives a new segment its handle (once, by its manager). */
    void setHandle(long h) {
        if (handle != 0 || h <= 0) {
            throw new IllegalStateException(this + ": handle " + handle + " cannot become " + h);
        }
        handle = h;
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
        return (segmentVm != null ? "shared memory segment (" : "shared memory (") + pages.length + " pages, "
                + mappers.size() + " mappers)";
    }
}
