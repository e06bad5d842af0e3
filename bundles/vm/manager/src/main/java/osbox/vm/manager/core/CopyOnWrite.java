package osbox.vm.manager.core;

import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.memory.AddressSpace;
import osbox.api.trace.TraceKind;

/**
 * Copy-on-write fork and its breaking, for one address space. At fork no
 * page is copied: the child's table maps the parent's frames (one more
 * reference each), writable private pages become read-only and COW in
 * both, pages in swap are shared by slot, and pages of shared memory
 * objects stay writable in place in both. A write to a COW page copies it
 * into a new frame, or takes it back writable when no one else maps it any
 * more. Simulation thread only.
 */
final class CopyOnWrite extends SpacePart {
    /** {@link #breakOnWrite}: finding a frame for the copy paged the shared page out; serve the fault again. */
    static final int PAGED_OUT = -1;
    private static final long PAGE = AddressSpace.PAGE;

    private final PageTable table;
    private final RegionMap regions;
    private final PageMappings mappings;

    /** Copy-on-write for {@code space}, whose table, regions and PTEs these are. */
    CopyOnWrite(PagedAddressSpace space, VirtualMemory vm, PageTable table, RegionMap regions, PageMappings mappings,
            SpaceCounters counters) {
        super(space, vm, counters);
        this.table = table;
        this.regions = regions;
        this.mappings = mappings;
    }

    /**
     * fork's sharing of pages: every present or swapped page of this space
     * is mapped in {@code child} too (which already has the same regions),
     * writable private ones copy-on-write in both; then this space's TLB
     * entries are flushed (its pages may have lost W). Returns false when
     * the child's tables ran out of frames: the pages shared so far stay
     * shared (the caller destroys the child, which releases them).
     */
    boolean shareWith(CopyOnWrite child) {
        // the parent's pages stay registered (evictable through the reverse map) as they become shared
        vm.forking(space);
        boolean ok;
        try {
            ok = table.forEachLeaf((va, slot) -> shareLeaf(child, va, slot));
        } finally {
            vm.forking(null);
        }
        // shared anonymous pages stay shared, writable in place, in both
        restoreSharedObjects(ok ? child : null);
        // parent's pages may have lost W: its TLB entries must go
        mappings.flushAll();
        return ok;
    }

    /**
     * A write fault on the present COW page {@code page} (IllegalStateException
     * when it is not one): the page is copied
     * into a new frame, or taken back writable when this space is its last
     * mapper. Returns SERVED, OOM, or {@link #PAGED_OUT} when allocating
     * the copy's frame evicted the shared page (the caller serves the fault
     * again: the page is in swap now and comes back as this space's own).
     */
    int breakOnWrite(long page) {
        long slot = mappings.slot(page, false);
        long pte = slot < 0 ? 0 : mem.load(slot, 8);
        if ((pte & Pte.V) == 0 || (pte & Pte.COW) == 0) {
            throw new IllegalStateException("breaking copy-on-write at " + Long.toHexString(page)
                    + ", which is not a present COW page (pte 0x" + Long.toHexString(pte) + ")");
        }
        long ppn = Pte.ppn(pte);
        long flags = (pte & ~Pte.COW) | Pte.W;
        boolean copied = frames.references(ppn) != 1;
        if (!copied) {
            mem.store(slot, 8, flags);
            vm.loaded(space, page, ppn);
            counters.cowReclaimed++;
        } else {
            long f = vm.allocateFrame();
            if (f < 0) {
                return AddressSpace.OOM;
            }
            long now = mem.load(slot, 8);
            if ((now & Pte.V) == 0 || Pte.ppn(now) != ppn) {
                // allocating evicted the shared page (the reverse map pages out shared frames): it is in
                // swap now, and comes back as this space's own writable copy
                frames.release(f);
                return PAGED_OUT;
            }
            // frame to frame: the new frame is fresh from the allocator, never a code frame
            System.arraycopy(mem.frame(ppn), 0, mem.frame(f), 0, (int) PAGE);
            mem.store(slot, 8, Pte.make(f, flags & Pte.FLAGS));
            vm.removed(space, ppn); // another mapper owns the shared frame's record if this one did
            frames.release(ppn);
            vm.loaded(space, page, f);
            counters.cowCopies++;
        }
        counters.cowFaults++;
        mappings.flush(page);
        vm.traceMemory(TraceKind.COW_FAULT, space, page | Access.WRITE | (copied ? 1 : 0), counters.resident);
        return AddressSpace.SERVED;
    }

    // Maps one present or swapped leaf of this space into child as well, marking a writable one copy-on-write;
    // a page in swap is shared too: both PTEs point at its slot (one more reference), and whichever
    // space faults it in first gets its own copy, as after an eviction of a shared page.
    private boolean shareLeaf(CopyOnWrite child, long va, long slot) {
        // the child's table may need frames, which may evict this very page: look at it afterwards
        long childSlot = child.mappings.slot(va, true);
        if (childSlot < 0) {
            return false;
        }
        long pte = mem.load(slot, 8);
        if (Pte.isSwapped(pte)) {
            swap.share(Pte.ppn(pte));
            mem.store(childSlot, 8, pte);
            child.counters.swapped++;
            return true;
        }
        // shared from now on (its record stays: see VirtualMemory.forking)
        vm.removed(space, Pte.ppn(pte));
        if ((pte & Pte.W) != 0) {
            pte = (pte & ~Pte.W) | Pte.COW;
            mem.store(slot, 8, pte);
        }
        frames.share(Pte.ppn(pte));
        mem.store(childSlot, 8, pte);
        child.counters.addResident();
        counters.sharedAtFork++;
        return true;
    }

    // After the table walk marked every writable page copy-on-write: the resident pages of shared memory
    // objects are writable in place again, in this space and (when not null) the child.
    private void restoreSharedObjects(CopyOnWrite child) {
        for (Region r : regions.inOrder()) {
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

    // A present COW page of a shared memory object at va: writable in place again if its region allows it.
    private void restoreShared(long va, long perms) {
        long slot = mappings.slot(va, false);
        if (slot < 0) {
            return;
        }
        long pte = mem.load(slot, 8);
        if ((pte & Pte.V) != 0 && (pte & Pte.COW) != 0) {
            mem.store(slot, 8, (pte & ~Pte.COW) | (perms & Pte.W));
        }
    }
}
