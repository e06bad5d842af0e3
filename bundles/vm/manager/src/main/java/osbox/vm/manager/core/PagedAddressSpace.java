package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.hw.Access;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.Pte;
import osbox.api.hw.TranslationUnit;
import osbox.api.memory.UserCopy;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryRegion;
import osbox.api.memory.PageEntry;
import osbox.api.memory.RegionUsage;
import osbox.api.trace.TraceKind;

/**
 * One process's virtual memory: a page table built in simulated physical
 * memory ({@link PageTable}: the Sv39 tree the MMU walks, or a hashed table
 * the kernel consults on software TLB misses), and the regions (image, heap, stack, anonymous mappings)
 * that say which pages may exist and with what permissions. Pages of the
 * heap, stack and anonymous regions are zero-filled on first touch
 * (demand paging); image pages are filled from the executable on first touch.
 *
 * <p>Layout (Sv39 user half is [0, 2^38)):
 * <pre>
 *   0x3f_ffff_f000 .. STACK_TOP   stack (grows down, at most STACK_LIMIT)
 *   below it                      an unmapped guard gap
 *   MMAP_TOP downwards            anonymous mmap areas
 *   end of image .. break         heap (brk)
 *   0x10000 ..                    the executable's segments (page 0 is never mapped)
 * </pre>
 */
public final class PagedAddressSpace implements AddressSpace {

    private final PhysicalMemory mem;
    private final FrameAllocator frames;
    private final VirtualMemory vm;
    private final SwapArea swap;
    private final AsidAllocator asids;
    private final TlbShootdown tlb;
    private final PageTable table;
    private final int asid;
    private final TreeMap<Long, Region> regions = new TreeMap<>();
    private long heapStart;
    private long brk;
    private long residentPages;
    private long peakResidentPages;
    private long softwareRefills;
    private long minorFaults;
    private long swappedPages;
    private long pageOuts;
    private long majorFaults;
    private int pid;
    private boolean destroyed;
    /** setPid was called: the space is a process's, its resident set is traced (MEMORY events). */
    private boolean announced;
    private final UserAccess user;

    private PagedAddressSpace(VirtualMemory vm, AsidAllocator asids, TlbShootdown tlb, PageTable table, int asid) {
        this.vm = vm;
        this.mem = vm.memory();
        this.frames = vm.frames();
        this.swap = vm.swap();
        this.asids = asids;
        this.tlb = tlb;
        this.table = table;
        this.asid = asid;
        this.user = new UserAccess(mem, this);
    }

    /** A new, empty address space without swap (its own paging mechanism), or null when no frame is left. */
    public static PagedAddressSpace create(PhysicalMemory mem, FrameAllocator frames, AsidAllocator asids,
            TlbShootdown tlb) {
        return create(VirtualMemory.withoutSwap(mem, frames), asids, tlb);
    }

    /**
     * A new, empty address space whose frames come from vm (which may evict
     * pages of any space sharing it to swap), or null when no frame is left
     * for its root table.
     */
    public static PagedAddressSpace create(VirtualMemory vm, AsidAllocator asids, TlbShootdown tlb) {
        return create(vm, asids, tlb, PageTable.Organisation.SV39);
    }

    /** As {@link #create(VirtualMemory, AsidAllocator, TlbShootdown)}, with a page table of organisation {@code org}. */
    public static PagedAddressSpace create(VirtualMemory vm, AsidAllocator asids, TlbShootdown tlb,
            PageTable.Organisation org) {
        int asid = asids.allocate();
        PageTable table = org.create(vm, asid);
        if (table == null) {
            asids.release(asid);
            return null;
        }
        PagedAddressSpace space = new PagedAddressSpace(vm, asids, tlb, table, asid);
        vm.spaceCreated(space);
        return space;
    }

    /** The owning process (0 until the kernel sets it), for replacement policies and reports. */
    public int pid() {
        return pid;
    }

    public void setPid(int pid) {
        this.pid = pid;
        announced = true;
        vm.traceMemory(TraceKind.MEMORY, this, residentPages, swappedPages);
    }

    /** Names the owner without announcing the space (its faults are traced, no MEMORY event yet). */
    void assignPid(int pid) {
        this.pid = pid;
    }

    // A MEMORY event when the resident or swapped pages changed other than by a traced fault or eviction.
    private void traceSetChange(long residentBefore, long swappedBefore) {
        if (announced && (residentPages != residentBefore || swappedPages != swappedBefore)) {
            vm.traceMemory(TraceKind.MEMORY, this, residentPages, swappedPages);
        }
    }

    /** The satp value that selects this address space. */
    public long satp() {
        return TranslationUnit.satp(TranslationUnit.MODE_SV39, asid, table.root());
    }

    public int asid() {
        return asid;
    }

    /** Whether switching to this space needs a full TLB flush (it shares ASID 0). */
    public boolean needsFlushOnSwitch() {
        return asid == AsidAllocator.SHARED;
    }

    // ---- page table ----

    /**
     * Physical address of the leaf PTE for va, creating intermediate tables
     * when {@code create}; -1 when absent (or out of frames while creating).
     */
    private long leafSlot(long va, boolean create) {
        return table.slot(va, create);
    }

    /** The page table (for the software refill path and tests). */
    PageTable pageTable() {
        return table;
    }

    /** The leaf PTE mapping va, or 0. */
    public long pte(long va) {
        long slot = leafSlot(va, false);
        return slot < 0 ? 0 : mem.load(slot, 8);
    }

    /** Maps page va to frame ppn with R/W/X {@code perms} (U and V added); false when out of frames. */
    private boolean map(long va, long ppn, long perms) {
        long slot = leafSlot(va, true);
        if (slot < 0) {
            return false;
        }
        mem.store(slot, 8, Pte.make(ppn, perms | Pte.U | Pte.V));
        residentPages++;
        peakResidentPages = Math.max(peakResidentPages, residentPages);
        return true;
    }

    /** Maps a fresh zeroed frame at page va; false when out of frames. */
    private boolean mapZero(long va, long perms) {
        long f = vm.allocateFrame();
        if (f < 0) {
            return false;
        }
        mem.zeroFrame(f);
        if (!map(va, f, perms)) {
            frames.release(f);
            return false;
        }
        vm.loaded(this, va, f);
        return true;
    }

    // Removes the mapping of page va, freeing its frame or swap slot; tells the TLBs.
    private void unmapPage(long va) {
        long slot = leafSlot(va, false);
        if (slot < 0) {
            return;
        }
        long pte = mem.load(slot, 8);
        if (Pte.isSwapped(pte)) {
            mem.store(slot, 8, 0);
            swap.free(Pte.ppn(pte));
            swappedPages--;
            return;
        }
        if ((pte & Pte.V) == 0) {
            return;
        }
        mem.store(slot, 8, 0);
        long ppn = Pte.ppn(pte);
        vm.removed(this, ppn);
        tlb.flushPage(va, asid);
        if (frames.release(ppn)) {
            mem.unmarkCode(ppn);
        }
        residentPages--;
    }

    /**
     * Pages the private resident page at va (in frame ppn) out to swap: its
     * PTE becomes SWAPPED with the slot, the TLBs forget it, the frame is
     * freed. Called by {@link VirtualMemory} for the victim (already
     * unregistered); returns the slot. The caller made sure swap has room.
     */
    long evict(long va, long ppn) {
        long slot = leafSlot(va, false);
        long pte = slot < 0 ? 0 : mem.load(slot, 8);
        if ((pte & Pte.V) == 0 || Pte.ppn(pte) != ppn || frames.references(ppn) != 1) {
            throw new IllegalStateException("evicting " + Long.toHexString(va) + " from frame " + ppn
                    + ", which it does not map privately (pte 0x" + Long.toHexString(pte) + ")");
        }
        mem.read(ppn << 12, vm.scratch, 0, vm.scratch.length);
        long s = swap.pageOut(vm.scratch);
        if (s < 0) {
            throw new IllegalStateException("swap full while evicting");
        }
        // a copy-on-write page whose other sharers are gone comes back writable (it is this space's alone)
        mem.store(slot, 8, Pte.swapped(s, (pte & Pte.COW) != 0 ? pte | Pte.W : pte));
        tlb.flushPage(va, asid);
        frames.release(ppn);
        mem.unmarkCode(ppn);
        residentPages--;
        swappedPages++;
        pageOuts++;
        return s;
    }

    /**
     * One mapping of a frame several spaces share (after fork) is paged out:
     * the PTE at va points to swap slot {@code s} (which the caller wrote
     * once for every mapping and counts one reference for this one), a
     * copy-on-write page keeping its right to be written (it comes back as
     * this space's own copy), the TLBs forget it, the frame loses a reference.
     */
    void evictMapping(long va, long ppn, long s) {
        long slot = leafSlot(va, false);
        long pte = slot < 0 ? 0 : mem.load(slot, 8);
        if ((pte & Pte.V) == 0 || Pte.ppn(pte) != ppn) {
            throw new IllegalStateException("evicting " + Long.toHexString(va) + " from frame " + ppn
                    + ", which it does not map (pte 0x" + Long.toHexString(pte) + ")");
        }
        long perms = (pte & Pte.COW) != 0 ? pte | Pte.W : pte;
        mem.store(slot, 8, Pte.swapped(s, perms));
        tlb.flushPage(va, asid);
        if (frames.release(ppn)) {
            mem.unmarkCode(ppn);
        }
        residentPages--;
        swappedPages++;
        pageOuts++;
    }

    /**
     * A page of a shared memory object in frame ppn is being paged out: this
     * space's mapping of it at va (if it has one) is removed; the next fault
     * brings the page back from the object.
     */
    void dropSharedMapping(long va, long ppn) {
        long slot = leafSlot(va, false);
        long pte = slot < 0 ? 0 : mem.load(slot, 8);
        if ((pte & Pte.V) == 0 || Pte.ppn(pte) != ppn) {
            return;
        }
        mem.store(slot, 8, 0);
        tlb.flushPage(va, asid);
        frames.release(ppn);
        residentPages--;
        pageOuts++;
    }

    // Brings a page back from swap: a new frame with the slot's bytes, the permissions it had; frees the slot.
    private int swapIn(long page, int access) {
        long pte = pte(page);
        if (!permits(pte, access)) {
            return SEGV;
        }
        long f = vm.allocateFrame();
        if (f < 0) {
            return OOM;
        }
        long slot = leafSlot(page, false);
        pte = mem.load(slot, 8); // unchanged: only resident pages are evicted, but read it again anyway
        long s = Pte.ppn(pte);
        swap.pageIn(s, vm.scratch);
        mem.write(f << 12, vm.scratch, 0, vm.scratch.length);
        mem.store(slot, 8, Pte.make(f, (pte & (Pte.R | Pte.W | Pte.X | Pte.U)) | Pte.V | Pte.A));
        swap.free(s);
        swappedPages--;
        residentPages++;
        peakResidentPages = Math.max(peakResidentPages, residentPages);
        majorFaults++;
        vm.pagedIn(this, page, s);
        vm.loaded(this, page, f);
        vm.traceMemory(TraceKind.PAGE_IN, this, page | access, residentPages);
        return SERVED;
    }

    /** Clears the A bit of the page at va and drops it from the TLBs (replacement policies' clearReferenced). */
    void clearAccessed(long va) {
        long slot = leafSlot(va, false);
        if (slot < 0) {
            return;
        }
        long pte = mem.load(slot, 8);
        if ((pte & Pte.V) != 0 && (pte & Pte.A) != 0) {
            mem.store(slot, 8, pte & ~Pte.A);
            tlb.flushPage(va, asid);
        }
    }

    // ---- regions ----

    /** The region containing va, or null. */
    public Region regionAt(long va) {
        Map.Entry<Long, Region> e = regions.floorEntry(va);
        return e != null && e.getValue().contains(va) ? e.getValue() : null;
    }

    /** Whether [start, end) touches no region. */
    public boolean isFree(long start, long end) {
        Map.Entry<Long, Region> below = regions.lowerEntry(end);
        return below == null || below.getValue().end <= start;
    }

    private Region addRegion(Region.Kind kind, long start, long end, long perms) {
        Region r = new Region(kind, start, end, perms);
        regions.put(start, r);
        return r;
    }

    /** Regions in address order (for reports). */
    public List<Region> regions() {
        return new ArrayList<>(regions.values());
    }

    /** One loadable segment of the executable: its pages are filled from these bytes on first touch. */
    private record ImageSegment(long vaddr, byte[] data, int off, int fileSize, long memSize, long perms) {
    }

    /**
     * Adds one executable segment: [vaddr, vaddr+memSize) becomes an image
     * region with perms (a page shared with an earlier segment joins that
     * region and gains the permissions). Nothing is mapped now: each page is
     * brought in on its first touch, filled from the file bytes of every
     * segment that overlaps it (the rest, bss, is zero). Throws
     * IllegalStateException when the segment overlaps another region.
     */
    public void loadSegment(long vaddr, byte[] data, int off, int fileSize, long memSize, long perms) {
        long start = vaddr & -PAGE;
        long end = (vaddr + memSize + PAGE - 1) & -PAGE;
        // Segments may share one boundary page (the earlier one's last); any other overlap is refused.
        Region earlier = regionAt(start);
        long from = earlier != null ? earlier.end : start;
        if ((earlier != null && start < earlier.end - PAGE) || !isFree(Math.min(from, end), end)) {
            throw new IllegalStateException("segments overlap at " + Long.toHexString(vaddr));
        }
        image.add(new ImageSegment(vaddr, data, off, fileSize, memSize, perms));
        if (earlier != null) {
            earlier.end = Math.max(earlier.end, end);
            earlier.perms |= perms;
            long slot = leafSlot(start, false);
            if (slot >= 0 && ((mem.load(slot, 8) & Pte.V) != 0 || Pte.isSwapped(mem.load(slot, 8)))) {
                mem.store(slot, 8, mem.load(slot, 8) | perms);
            }
        } else {
            addRegion(Region.Kind.IMAGE, start, end, perms);
        }
    }

    /** R/W/X of an image page: those of every segment that overlaps it (a boundary page gets both). */
    private long imagePerms(long page) {
        long perms = 0;
        for (ImageSegment seg : image) {
            if (seg.vaddr() < page + PAGE && page < seg.vaddr() + seg.memSize()) {
                perms |= seg.perms();
            }
        }
        return perms;
    }

    // Brings an image page in: a zeroed frame with the bytes of every segment overlapping it.
    private int fillImagePage(long page, long perms, int access) {
        long f = vm.allocateFrame();
        if (f < 0) {
            return OOM;
        }
        mem.zeroFrame(f);
        for (ImageSegment seg : image) {
            long lo = Math.max(page, seg.vaddr());
            long hi = Math.min(page + PAGE, seg.vaddr() + seg.fileSize());
            if (lo < hi) {
                mem.write((f << 12) + (lo - page), seg.data(), seg.off() + (int) (lo - seg.vaddr()), (int) (hi - lo));
            }
        }
        if (!map(page, f, perms)) {
            frames.release(f);
            return OOM;
        }
        vm.loaded(this, page, f);
        imageFaults++;
        vm.traceMemory(TraceKind.IMAGE_FAULT, this, page | access, residentPages);
        return SERVED;
    }

    /** Pages of the executable brought in on first touch. */
    private long imageFaults;
    /** The executable's segments (shared, read-only, with children at fork). */
    private final List<ImageSegment> image = new ArrayList<>();

    public long imageFaults() {
        return imageFaults;
    }

    /** Sets up the heap to start at the page boundary at or above {@code end}. */
    public void initHeap(long end) {
        heapStart = (end + PAGE - 1) & -PAGE;
        brk = heapStart;
    }

    /** Creates the stack region (8 MiB below STACK_TOP) and maps its top {@code pages} pages now. */
    public boolean initStack(int pages) {
        addRegion(Region.Kind.STACK, STACK_TOP - STACK_LIMIT, STACK_TOP, Pte.R | Pte.W);
        for (int i = 1; i <= pages; i++) {
            if (!mapZero(STACK_TOP - i * PAGE, Pte.R | Pte.W)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Serves a page fault at va for access (an {@link Access} kind): maps a
     * zero page if va lies in a demand-zero region that permits the access
     * and is not yet mapped. Returns SERVED, SEGV or OOM; also OOM when the
     * fault was served but the faulting instruction has been found unable to
     * progress (its pages keep evicting each other even under the built-in
     * policy), so the kernel's OOM policy frees memory.
     */
    public int handleFault(long va, int access) {
        int r = serveFault(va, access);
        return r == SERVED && vm.takeStarved(this) ? OOM : r;
    }

    // handleFault without the no-progress verdict (kernel accesses, retries inside the VM manager).
    private int serveFault(long va, int access) {
        Region r = regionAt(va);
        if (r == null || !permits(r.perms, access)) {
            return SEGV;
        }
        long page = va & -PAGE;
        long present = pte(page);
        if ((present & Pte.V) != 0) {
            return access == Access.WRITE && (present & Pte.COW) != 0 ? breakCopyOnWrite(page) : SEGV;
        }
        if (Pte.isSwapped(present)) {
            return swapIn(page, access);
        }
        if (r.shared != null) {
            return sharedFault(r, page, access);
        }
        if (r.kind == Region.Kind.IMAGE) {
            long perms = imagePerms(page);
            return permits(perms, access) ? fillImagePage(page, perms, access) : SEGV;
        }
        if (!mapZero(page, r.perms)) {
            return OOM;
        }
        minorFaults++;
        vm.traceMemory(TraceKind.ZERO_FILL_FAULT, this, page | access, residentPages);
        return SERVED;
    }

    /**
     * A fault on a page of a shared anonymous region: maps the object's frame
     * for the page, bringing it in first (zero-filled on the first touch by
     * any sharer, or read back from the object's swap slot) so every sharer
     * sees the same page.
     */
    private int sharedFault(Region r, long page, int access) {
        // the page tables first: making them may evict pages, never this one once it is in place
        if (leafSlot(page, true) < 0) {
            return OOM;
        }
        SharedMemory shm = r.shared;
        long i = r.sharedFirst + (page - r.start) / PAGE;
        long f = shm.frame(i);
        TraceKind kind = TraceKind.ZERO_FILL_FAULT;
        if (f < 0) {
            f = vm.allocateFrame();
            if (f < 0) {
                return OOM;
            }
            long s = shm.slot(i);
            if (s >= 0) {
                swap.pageIn(s, vm.scratch);
                mem.write(f << 12, vm.scratch, 0, vm.scratch.length);
                swap.free(s);
                majorFaults++;
                kind = TraceKind.PAGE_IN;
                vm.pagedIn(this, page, s);
            } else {
                mem.zeroFrame(f);
                minorFaults++;
            }
            shm.setFrame(i, f);
            vm.sharedLoaded(shm, i, f, this, page);
        } else {
            // another sharer brought it in: only this space's PTE is missing
            minorFaults++;
            vm.accessed(f);
        }
        frames.share(f);
        if (!map(page, f, r.perms)) {
            frames.release(f); // cannot happen: the tables are in place
            return OOM;
        }
        vm.loaded(this, page, f); // evictable again if no mapper owned it
        vm.traceMemory(kind, this, page | access, residentPages);
        return SERVED;
    }

    private static boolean permits(long perms, int access) {
        switch (access) {
            case Access.READ: return (perms & Pte.R) != 0;
            case Access.WRITE: return (perms & Pte.W) != 0;
            case Access.EXECUTE: return (perms & Pte.X) != 0;
            default: return false;
        }
    }

    /**
     * Moves the program break (brk syscall semantics): returns the new break,
     * or the old one when the request is refused (below the heap start,
     * into another region, or out of memory).
     */
    public long brk(long requested) {
        if (requested < heapStart) {
            return brk;
        }
        long oldTop = (brk + PAGE - 1) & -PAGE;
        long newTop = (requested + PAGE - 1) & -PAGE;
        if (newTop > oldTop) {
            if (newTop > MMAP_TOP || !isFree(oldTop, newTop)) {
                return brk;
            }
        }
        Region heap = regionAt(heapStart);
        if (heap != null && heap.kind != Region.Kind.HEAP) {
            heap = null;
        }
        if (newTop < oldTop) {
            long residentBefore = residentPages;
            long swappedBefore = swappedPages;
            for (long va = newTop; va < oldTop; va += PAGE) {
                unmapPage(va);
            }
            traceSetChange(residentBefore, swappedBefore);
        }
        if (heap != null) {
            regions.remove(heap.start);
        }
        if (newTop > heapStart) {
            addRegion(Region.Kind.HEAP, heapStart, newTop, Pte.R | Pte.W);
        }
        brk = requested;
        return brk;
    }

    public long currentBrk() {
        return brk;
    }

    /**
     * Creates an anonymous mapping of len bytes (page-rounded) with R/W/X
     * perms: at {@code hint} if it is free (or always, with {@code fixed},
     * replacing what was there), else top-down below MMAP_TOP. Returns the
     * address, or -1 when no room.
     */
    public long mapAnonymous(long hint, long len, long perms, boolean fixed) {
        return mapAnonymous(hint, len, perms, fixed, false);
    }

    /**
     * An anonymous mapping as {@link #mapAnonymous(long, long, long, boolean)};
     * with {@code shared} (MAP_SHARED) its pages belong to a new shared memory
     * object, which children inherit at fork as the same pages (not
     * copy-on-write).
     */
    public long mapAnonymous(long hint, long len, long perms, boolean fixed, boolean shared) {
        long size = (len + PAGE - 1) & -PAGE;
        if (size <= 0) {
            return -1;
        }
        long at;
        if (fixed) {
            at = hint;
            unmap(at, size);
        } else if (hint != 0 && (hint & (PAGE - 1)) == 0 && hint + size <= MMAP_TOP && hint >= heapStart
                && isFree(hint, hint + size)) {
            at = hint;
        } else {
            at = findGap(size);
            if (at < 0) {
                return -1;
            }
        }
        Region r = addRegion(Region.Kind.ANONYMOUS, at, at + size, perms);
        if (shared) {
            r.shared = new SharedMemory(size / PAGE);
            r.sharedFirst = 0;
            r.shared.retain(this, r);
        }
        return at;
    }

    // Highest free gap of size bytes below MMAP_TOP and above the heap's reach.
    private long findGap(long size) {
        long top = MMAP_TOP;
        for (Region r : regions.descendingMap().values()) {
            if (r.start >= top) {
                continue;
            }
            if (r.end <= top - size) {
                break;
            }
            top = r.start;
        }
        long at = top - size;
        return at > ((brk + PAGE - 1) & -PAGE) ? at : -1;
    }

    /** Removes every mapping in [start, start+len) (page-rounded), freeing frames. */
    public void unmap(long start, long len) {
        long residentBefore = residentPages;
        long swappedBefore = swappedPages;
        long end = (start + len + PAGE - 1) & -PAGE;
        split(start);
        split(end);
        for (Region r : new ArrayList<>(regions.subMap(start, end).values())) {
            for (long va = r.start; va < r.end; va += PAGE) {
                unmapPage(va);
            }
            regions.remove(r.start);
            dropShared(r);
        }
        traceSetChange(residentBefore, swappedBefore);
    }

    /**
     * Changes permissions of [start, start+len) to perms; false (ENOMEM) if
     * part of the range is not mapped.
     */
    public boolean protect(long start, long len, long perms) {
        long end = (start + len + PAGE - 1) & -PAGE;
        for (long va = start; va < end;) {
            Region r = regionAt(va);
            if (r == null) {
                return false;
            }
            va = r.end;
        }
        split(start);
        split(end);
        for (Region r : regions.subMap(start, end).values()) {
            r.perms = perms;
            for (long va = r.start; va < r.end; va += PAGE) {
                long slot = leafSlot(va, false);
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
                        tlb.flushPage(va, asid);
                    } else if (Pte.isSwapped(pte)) {
                        // a page in swap is private: it comes back with the new permissions
                        mem.store(slot, 8, (pte & ~(Pte.R | Pte.W | Pte.X)) | perms);
                    }
                }
            }
        }
        return true;
    }

    // The region no longer maps its shared memory object (if any): one reference less.
    private void dropShared(Region r) {
        if (r.shared != null) {
            SharedMemory shm = r.shared;
            r.shared = null;
            shm.release(this, r, vm);
        }
    }

    // Splits the region containing va (if any) so that a region starts at va.
    private void split(long va) {
        Region r = regionAt(va);
        if (r == null || r.start == va) {
            return;
        }
        Region upper = new Region(r.kind, va, r.end, r.perms);
        r.end = va;
        regions.put(va, upper);
        if (r.shared != null) {
            upper.shared = r.shared;
            upper.sharedFirst = r.sharedFirst + (va - r.start) / PAGE;
            upper.shared.retain(this, upper);
        }
    }

    /** {@link #kernelTranslate}'s answer when the process itself could not make the access. */
    static final long NO_ACCESS = -1;
    /** {@link #kernelTranslate}'s answer when the access is allowed but the page needs a frame and none is left. */
    static final long NO_FRAME = -2;

    /** The physical address for a kernel access on the process's behalf, or -1 (see {@link #kernelTranslate}). */
    @Override
    public long translateForKernel(long va, int access) {
        long pa = kernelTranslate(va, access);
        return pa < 0 ? -1 : pa;
    }

    /**
     * Translates va for a kernel access on the process's behalf, faulting in
     * demand, swapped and copy-on-write pages as the process would; sets A
     * (and D for writes) like the hardware walker. Returns the physical
     * address, {@link #NO_ACCESS}, or {@link #NO_FRAME} when no frame can be
     * found (the caller reports it; nothing here asks the kernel to free
     * memory).
     */
    long kernelTranslate(long va, int access) {
        if (va < 0 || va >= STACK_TOP) {
            return NO_ACCESS;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            long slot = leafSlot(va, false);
            long pte = slot < 0 ? 0 : mem.load(slot, 8);
            if ((pte & Pte.V) != 0) {
                if (!permits(pte, access)) {
                    if (attempt == 0 && access == Access.WRITE && (pte & Pte.COW) != 0) {
                        int r = serveFault(va, access);
                        if (r == SERVED) {
                            continue;
                        }
                        return r == OOM ? NO_FRAME : NO_ACCESS;
                    }
                    return NO_ACCESS;
                }
                long flags = Pte.A | (access == Access.WRITE ? Pte.D : 0);
                if ((pte & flags) != flags) {
                    mem.store(slot, 8, pte | flags);
                }
                vm.accessed(Pte.ppn(pte));
                return (Pte.ppn(pte) << 12) | (va & (PAGE - 1));
            }
            int r = serveFault(va, access);
            if (r != SERVED) {
                return r == OOM ? NO_FRAME : NO_ACCESS;
            }
        }
        return NO_ACCESS;
    }

    /**
     * fork's copy: a new address space with the same regions, break and
     * contents. No page is copied now: both spaces map the same frames, and
     * writable pages become read-only and copy-on-write in both, so a page is
     * copied only when one of them writes it. Returns null, having freed what
     * it took, when memory for the child's page tables runs out.
     */
    public PagedAddressSpace fork() {
        PagedAddressSpace child = create(vm, asids, tlb, table.organisation());
        if (child == null) {
            return null;
        }
        child.heapStart = heapStart;
        child.brk = brk;
        child.image.addAll(image);
        for (Region r : regions.values()) {
            Region c = new Region(r.kind, r.start, r.end, r.perms);
            child.regions.put(r.start, c);
            if (r.shared != null) {
                c.shared = r.shared;
                c.sharedFirst = r.sharedFirst;
                c.shared.retain(child, c);
            }
        }
        // the parent's pages stay registered (evictable through the reverse map) as they become shared
        vm.forking(this);
        boolean ok;
        try {
            ok = table.forEachLeaf((va, slot) -> shareLeaf(child, va, slot));
        } finally {
            vm.forking(null);
        }
        // shared anonymous pages stay shared, writable in place, in both
        unshareCopyOnWrite(ok ? child : null);
        // parent's pages may have lost W: its TLB entries must go
        tlb.flushAsid(asid);
        if (!ok) {
            child.destroy();
            return null;
        }
        return child;
    }

    // After the table walk of fork marked every writable page copy-on-write: the pages of shared
    // regions are writable in place again, in this space and (when not null) the child.
    private void unshareCopyOnWrite(PagedAddressSpace child) {
        for (Region r : regions.values()) {
            if (r.shared == null) {
                continue;
            }
            for (long va = r.start; va < r.end; va += PAGE) {
                if (r.shared.frame(r.sharedFirst + (va - r.start) / PAGE) < 0) {
                    continue;
                }
                restoreShared(va, r.perms);
                if (child != null) {
                    child.restoreShared(va, r.perms);
                }
            }
        }
    }

    private void restoreShared(long va, long perms) {
        long slot = leafSlot(va, false);
        if (slot < 0) {
            return;
        }
        long pte = mem.load(slot, 8);
        if ((pte & Pte.V) != 0 && (pte & Pte.COW) != 0) {
            mem.store(slot, 8, (pte & ~Pte.COW) | (perms & Pte.W));
        }
    }

    // Maps every present leaf under a page table into child as well, marking writable ones copy-on-write;
    // a page in swap is shared too: both PTEs point at its slot (one more reference), and whichever
    // space faults it in first gets its own copy, as after an eviction of a shared page.
    private boolean shareLeaf(PagedAddressSpace child, long va, long slot) {
        // the child's table may need frames, which may evict this very page: look at it afterwards
        long childSlot = child.leafSlot(va, true);
        if (childSlot < 0) {
            return false;
        }
        long pte = mem.load(slot, 8);
        if (Pte.isSwapped(pte)) {
            swap.share(Pte.ppn(pte));
            mem.store(childSlot, 8, pte);
            child.swappedPages++;
            return true;
        }
        // shared from now on (its record stays: see VirtualMemory.forking)
        vm.removed(this, Pte.ppn(pte));
        if ((pte & Pte.W) != 0) {
            pte = (pte & ~Pte.W) | Pte.COW;
            mem.store(slot, 8, pte);
        }
        frames.share(Pte.ppn(pte));
        mem.store(childSlot, 8, pte);
        child.residentPages++;
        child.peakResidentPages = Math.max(child.peakResidentPages, child.residentPages);
        sharedAtFork++;
        return true;
    }

    // A write to a copy-on-write page: copy it into a new frame, or take it back when no one else shares it.
    private int breakCopyOnWrite(long page) {
        long slot = leafSlot(page, false);
        long pte = mem.load(slot, 8);
        long ppn = Pte.ppn(pte);
        long flags = (pte & ~Pte.COW) | Pte.W;
        boolean copied = frames.references(ppn) != 1;
        if (!copied) {
            mem.store(slot, 8, flags);
            vm.loaded(this, page, ppn);
            cowReclaimed++;
        } else {
            long f = vm.allocateFrame();
            if (f < 0) {
                return OOM;
            }
            long now = mem.load(slot, 8);
            if ((now & Pte.V) == 0 || Pte.ppn(now) != ppn) {
                // allocating evicted the shared page (the reverse map pages out shared frames): it is in
                // swap now, and comes back as this space's own writable copy
                frames.release(f);
                return serveFault(page, Access.WRITE);
            }
            // frame to frame: the new frame is fresh from the allocator, never a code frame
            System.arraycopy(mem.frame(ppn), 0, mem.frame(f), 0, (int) PAGE);
            mem.store(slot, 8, Pte.make(f, flags & Pte.FLAGS));
            vm.removed(this, ppn); // another mapper owns the shared frame's record if this one did
            frames.release(ppn);
            vm.loaded(this, page, f);
            cowCopies++;
        }
        cowFaults++;
        tlb.flushPage(page, asid);
        vm.traceMemory(TraceKind.COW_FAULT, this, page | Access.WRITE | (copied ? 1 : 0), residentPages);
        return SERVED;
    }

    /** Pages this space shared with children at fork. */
    private long sharedAtFork;
    /** Write faults on copy-on-write pages, pages copied by them, and pages taken back unshared. */
    private long cowFaults;
    private long cowCopies;
    private long cowReclaimed;

    public long sharedAtFork() {
        return sharedAtFork;
    }

    public long cowFaults() {
        return cowFaults;
    }

    public long cowCopies() {
        return cowCopies;
    }

    public long cowReclaimed() {
        return cowReclaimed;
    }

    /** Frees every frame (user pages and page tables) and the ASID. Idempotent. */
    public void destroy() {
        if (destroyed) {
            return;
        }
        destroyed = true;
        table.forEachLeaf(this::freeLeaf);
        table.release();
        for (Region r : regions.values()) {
            dropShared(r);
        }
        regions.clear();
        residentPages = 0;
        swappedPages = 0;
        tlb.flushAsid(asid);
        asids.release(asid);
        vm.spaceDestroyed(this);
        if (announced) {
            vm.traceMemory(TraceKind.MEMORY, this, 0, 0);
        }
    }

    // Frees the frame or swap slot of one page (destroy).
    private boolean freeLeaf(long va, long slot) {
        long pte = mem.load(slot, 8);
        if (Pte.isSwapped(pte)) {
            swap.free(Pte.ppn(pte));
        } else if ((pte & Pte.V) != 0) {
            vm.removed(this, Pte.ppn(pte));
            if (frames.release(Pte.ppn(pte))) {
                mem.unmarkCode(Pte.ppn(pte));
            }
        }
        return true;
    }

    /** User pages mapped (resident set, in pages). */
    public long residentPages() {
        return residentPages;
    }

    /** User pages in swap. */
    public long swappedPages() {
        return swappedPages;
    }

    /** Pages of this space written to swap by eviction. */
    public long pageOuts() {
        return pageOuts;
    }

    /** Faults served by reading a page back from swap. */
    public long majorFaults() {
        return majorFaults;
    }

    /** The paging mechanism this space's frames come from. */
    public VirtualMemory vm() {
        return vm;
    }

    /** Frames used by page tables. */
    public long tablePages() {
        return table.pages();
    }

    /**
     * A software-managed TLB missed on va for access on {@code mmu}'s hart:
     * see {@link SoftwareRefill#refill}. Returns {@link #REFILLED},
     * {@link #SERVED} (a fault was served, then the page installed), SEGV or OOM.
     */
    @Override
    public int handleTlbMiss(TranslationUnit mmu, long va, int access) {
        return SoftwareRefill.refill(this, mmu, va, access);
    }

    /** TLB misses this space's table answered without a fault (software-managed TLB). */
    @Override
    public long softwareRefills() {
        return softwareRefills;
    }

    void countRefill() {
        softwareRefills++;
    }

    /** Demand-zero faults served. */
    public long minorFaults() {
        return minorFaults;
    }

    public long heapStart() {
        return heapStart;
    }

    // ---- the API's view: PROT_* bits instead of PTE bits ----

    /** PROT_* bits to R/W/X PTE bits; write implies read, since RISC-V reserves W without R. */
    public static long protToPte(int prot) {
        long p = 0;
        if ((prot & PROT_READ) != 0) {
            p |= Pte.R;
        }
        if ((prot & PROT_WRITE) != 0) {
            p |= Pte.R | Pte.W;
        }
        if ((prot & PROT_EXEC) != 0) {
            p |= Pte.X;
        }
        return p;
    }

    /** R/W/X PTE bits to PROT_* bits. */
    public static int pteToProt(long perms) {
        return ((perms & Pte.R) != 0 ? PROT_READ : 0) | ((perms & Pte.W) != 0 ? PROT_WRITE : 0)
                | ((perms & Pte.X) != 0 ? PROT_EXEC : 0);
    }

    /** Adds an executable segment with PROT_* bits (see the PTE-bits version above). */
    @Override
    public void loadSegment(long vaddr, byte[] data, int off, int fileSize, long memSize, int prot) {
        loadSegment(vaddr, data, off, fileSize, memSize, protToPte(prot));
    }

    /** An anonymous mapping with PROT_* bits (see the PTE-bits version above). */
    @Override
    public long mapAnonymous(long hint, long len, int prot, boolean fixed) {
        return mapAnonymous(hint, len, protToPte(prot), fixed);
    }

    /** A shared anonymous mapping with PROT_* bits (see the PTE-bits version above). */
    @Override
    public long mapShared(long hint, long len, int prot, boolean fixed) {
        return mapAnonymous(hint, len, protToPte(prot), fixed, true);
    }

    /** Changes permissions to PROT_* bits (see the PTE-bits version above). */
    @Override
    public boolean protect(long start, long len, int prot) {
        return protect(start, len, protToPte(prot));
    }

    /** copyin/copyout through this space's page table, answering a result code. */
    @Override
    public UserCopy userCopy() {
        return user;
    }

    /** Regions in address order with PROT_* bits, for reports. */
    @Override
    public List<MemoryRegion> memoryRegions() {
        List<MemoryRegion> out = new ArrayList<>();
        for (Region r : regions.values()) {
            out.add(new MemoryRegion(MemoryRegion.Kind.valueOf(r.kind.name()), r.start, r.end, pteToProt(r.perms)));
        }
        return out;
    }

    /**
     * The PTE of the page containing va, read through the page table's slot
     * lookup (nothing is created or faulted in); a PTE of 0 when the table
     * has no entry, or after {@link #destroy}.
     */
    @Override
    public PageEntry page(long va) {
        long page = va & -PAGE;
        return PageEntry.of(page, destroyed || va < 0 || va >= STACK_TOP ? 0 : pte(page));
    }

    /**
     * Each region with its resident and swapped pages: one walk over the
     * page table's entries (never-touched pages cost nothing), each counted
     * in the region containing it.
     */
    @Override
    public List<RegionUsage> regionUsage() {
        List<MemoryRegion> list = memoryRegions();
        long[] resident = new long[list.size()];
        long[] swapped = new long[list.size()];
        if (!destroyed && !list.isEmpty()) {
            long[] starts = new long[list.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = list.get(i).start();
            }
            table.forEachLeaf((va, slot) -> {
                int i = java.util.Arrays.binarySearch(starts, va);
                i = i >= 0 ? i : -i - 2;
                if (i >= 0 && va < list.get(i).end()) {
                    long pte = mem.load(slot, 8);
                    if ((pte & Pte.V) != 0) {
                        resident[i]++;
                    } else if (Pte.isSwapped(pte)) {
                        swapped[i]++;
                    }
                }
                return true;
            });
        }
        List<RegionUsage> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new RegionUsage(list.get(i), resident[i], swapped[i]));
        }
        return out;
    }

    /** The largest resident set this space had. */
    @Override
    public long peakResidentPages() {
        return peakResidentPages;
    }
}
