package osbox.vm.manager.core;

import java.util.ArrayList;
import osbox.api.hw.Pte;
import osbox.api.memory.AddressSpace;
import osbox.api.trace.TraceKind;

/**
 * The calls that change one address space's layout, as the kernel's
 * brk, mmap, munmap and mprotect handlers make them, and the heap and
 * stack set up at exec: each edits the {@link RegionMap} and brings the
 * PTEs of the pages concerned in line ({@link PageMappings}). The break
 * (heap start and current break) is kept here. Simulation thread only.
 */
final class MappingCalls extends SpacePart {
    private static final long PAGE = AddressSpace.PAGE;

    private final RegionMap regions;
    private final PageMappings mappings;
    private long heapStart;
    private long brk;

    /** The layout calls of {@code space}, whose regions and PTEs these are. */
    MappingCalls(PagedAddressSpace space, VirtualMemory vm, RegionMap regions, PageMappings mappings,
            SpaceCounters counters) {
        super(space, vm, counters);
        this.regions = regions;
        this.mappings = mappings;
    }

    /** Sets up the heap to start at the page boundary at or above {@code end} (empty: the break is there). */
    void initHeap(long end) {
        heapStart = (end + PAGE - 1) & -PAGE;
        brk = heapStart;
    }

    /** Creates the stack region (STACK_LIMIT below STACK_TOP) and maps its top {@code pages} pages now; false when out of frames. */
    boolean initStack(int pages) {
        regions.add(Region.Kind.STACK, AddressSpace.STACK_TOP - AddressSpace.STACK_LIMIT, AddressSpace.STACK_TOP,
                Pte.R | Pte.W);
        for (int i = 1; i <= pages; i++) {
            if (!mappings.mapZero(AddressSpace.STACK_TOP - i * PAGE, Pte.R | Pte.W)) {
                return false;
            }
        }
        return true;
    }

    /** fork: the child's heap starts and breaks where the parent's do. */
    void inheritBreak(MappingCalls parent) {
        heapStart = parent.heapStart;
        brk = parent.brk;
    }

    /** Where the heap starts. */
    long heapStart() {
        return heapStart;
    }

    /** The program break now (as last set, not page-rounded). */
    long currentBrk() {
        return brk;
    }

    /**
     * Moves the program break (brk syscall semantics): returns the new break,
     * or the old one when the request is refused (below the heap start,
     * into another region, or out of memory). Shrinking unmaps the pages
     * above the new break.
     */
    long brk(long requested) {
        if (requested < heapStart) {
            return brk;
        }
        long oldTop = (brk + PAGE - 1) & -PAGE;
        long newTop = (requested + PAGE - 1) & -PAGE;
        if (newTop > oldTop) {
            if (newTop > AddressSpace.MMAP_TOP || !regions.isFree(oldTop, newTop)) {
                return brk;
            }
        }
        Region heap = regions.at(heapStart);
        if (heap != null && heap.kind != Region.Kind.HEAP) {
            heap = null;
        }
        if (newTop < oldTop) {
            long residentBefore = counters.resident;
            long swappedBefore = counters.swapped;
            for (long va : mappings.pagesIn(newTop, oldTop)) {
                mappings.unmap(va);
            }
            traceSetChange(residentBefore, swappedBefore);
        }
        if (heap != null) {
            regions.remove(heap);
        }
        if (newTop > heapStart) {
            regions.add(Region.Kind.HEAP, heapStart, newTop, Pte.R | Pte.W);
        }
        brk = requested;
        return brk;
    }

    /**
     * Creates an anonymous mapping of len bytes (page-rounded) with R/W/X
     * perms: at {@code hint} if it is free (or always, with {@code fixed},
     * replacing what was there), else top-down below MMAP_TOP. With
     * {@code shared} (MAP_SHARED) its pages belong to a new shared memory
     * object, which children inherit at fork as the same pages (not
     * copy-on-write). Returns the address, or -1 when there is no room.
     */
    long mapAnonymous(long hint, long len, long perms, boolean fixed, boolean shared) {
        long size = (len + PAGE - 1) & -PAGE;
        if (size <= 0) {
            return -1;
        }
        long at = place(hint, size, fixed);
        if (at < 0) {
            return -1;
        }
        Region r = regions.add(Region.Kind.ANONYMOUS, at, at + size, perms);
        if (shared) {
            r.shared = new SharedMemory(size / PAGE);
            r.sharedFirst = 0;
            r.shared.retain(space, r, space.pid());
        }
        return at;
    }

    /**
     * Attaches the whole segment shm with R/W/X perms, placed as
     * {@link #mapAnonymous}: its pages map the segment's frames (shared,
     * never copy-on-write). Returns the address, or -1 when there is no
     * room. The caller checked shm is a live segment of this VM.
     */
    long attach(SharedMemory shm, long hint, long perms, boolean fixed) {
        long size = shm.pages() * PAGE;
        long at = place(hint, size, fixed);
        if (at < 0) {
            return -1;
        }
        Region r = regions.add(Region.Kind.ANONYMOUS, at, at + size, perms);
        r.shared = shm;
        r.sharedFirst = 0;
        shm.retain(space, r, space.pid());
        return at;
    }

    /**
     * shmdt: the segment attached at va (a region of a segment starts there
     * at the segment's first page) loses every region of [va, va + its size)
     * that still maps it where that attachment put it; other mappings in the
     * range stay. Returns the segment, or null when none is attached at va.
     */
    SharedMemory detach(long va) {
        Region first = regions.at(va);
        if (first == null || first.start != va || first.shared == null || !first.shared.isSegment()
                || first.sharedFirst != 0) {
            return null;
        }
        SharedMemory shm = first.shared;
        long end = va + shm.pages() * PAGE;
        for (Region r : new ArrayList<>(regions.startingIn(va, end))) {
            if (r.shared == shm && r.sharedFirst == (r.start - va) / PAGE) {
                unmap(r.start, r.end - r.start);
            }
        }
        return shm;
    }

    // Where a new mapping of size bytes goes: at hint if it is free (or always, when fixed, after
    // unmapping what was there), else in the highest gap below MMAP_TOP above the heap's reach; -1
    // when there is none.
    private long place(long hint, long size, boolean fixed) {
        if (fixed) {
            unmap(hint, size);
            return hint;
        }
        if (hint != 0 && (hint & (PAGE - 1)) == 0 && hint + size <= AddressSpace.MMAP_TOP && hint >= heapStart
                && regions.isFree(hint, hint + size)) {
            return hint;
        }
        return regions.findGap(size, AddressSpace.MMAP_TOP, (brk + PAGE - 1) & -PAGE);
    }

    /** Removes every mapping in [start, start+len) (page-rounded), freeing frames and swap slots. */
    void unmap(long start, long len) {
        long residentBefore = counters.resident;
        long swappedBefore = counters.swapped;
        long end = (start + len + PAGE - 1) & -PAGE;
        regions.split(start);
        regions.split(end);
        for (Region r : new ArrayList<>(regions.startingIn(start, end))) {
            for (long va : mappings.pagesIn(r.start, r.end)) {
                mappings.unmap(va);
            }
            regions.remove(r);
            regions.detachShared(r);
        }
        traceSetChange(residentBefore, swappedBefore);
    }

    /**
     * Changes permissions of [start, start+len) to perms, in the regions and
     * in every present or swapped PTE; false (ENOMEM) if part of the range
     * is not mapped, and then nothing changed.
     */
    boolean protect(long start, long len, long perms) {
        long end = (start + len + PAGE - 1) & -PAGE;
        for (long va = start; va < end;) {
            Region r = regions.at(va);
            if (r == null) {
                return false;
            }
            va = r.end;
        }
        regions.split(start);
        regions.split(end);
        for (Region r : regions.startingIn(start, end)) {
            r.perms = perms;
            for (long va : mappings.pagesIn(r.start, r.end)) {
                long slot = mappings.slot(va, false);
                if (slot >= 0) {
                    long pte = mem.load(slot, 8);
                    if ((pte & Pte.V) != 0) {
                        // a page shared with another space (copy-on-write, or read-only text shared
                        // at fork) must not become writable in place: its first write copies it
                        long p = perms;
                        long cow = pte & Pte.COW;
                        if ((perms & Pte.W) != 0 && r.shared == null
                                && (cow != 0 || frames.references(Pte.ppn(pte)) > 1)) {
                            p &= ~Pte.W;
                            cow = Pte.COW;
                        }
                        mem.store(slot, 8, (pte & ~(Pte.R | Pte.W | Pte.X | Pte.COW)) | p | cow);
                        mappings.flush(va);
                    } else if (Pte.isSwapped(pte)) {
                        // a page in swap is private: it comes back with the new permissions
                        mem.store(slot, 8, (pte & ~(Pte.R | Pte.W | Pte.X)) | perms);
                    }
                }
            }
        }
        return true;
    }

    // A MEMORY event when the resident or swapped pages changed other than by a traced fault or eviction.
    private void traceSetChange(long residentBefore, long swappedBefore) {
        if (counters.announced && (counters.resident != residentBefore || counters.swapped != swappedBefore)) {
            vm.traceMemory(TraceKind.MEMORY, space, counters.resident, counters.swapped);
        }
    }
}
