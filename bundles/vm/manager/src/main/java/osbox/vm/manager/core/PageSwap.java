package osbox.vm.manager.core;

import osbox.api.hw.Pte;
import osbox.api.memory.AddressSpace;
import osbox.api.trace.TraceKind;

/**
 * One address space's side of swap: its mappings paged out when the paging
 * mechanism ({@link VirtualMemory}, through its {@link Eviction}) picks one
 * of its pages as the victim, and its pages brought back in by a fault. A
 * page in swap keeps its permissions in the PTE, which marks it SWAPPED
 * and holds the slot instead of a frame. Simulation thread only.
 */
final class PageSwap extends SpacePart {
    private final PageMappings mappings;

    /** The swap side of {@code space}, whose PTEs are {@code mappings}. */
    PageSwap(PagedAddressSpace space, VirtualMemory vm, PageMappings mappings, SpaceCounters counters) {
        super(space, vm, counters);
        this.mappings = mappings;
    }

    /**
     * Pages the private resident page at va (in frame ppn) out to swap: its
     * PTE becomes SWAPPED with the slot, the TLBs forget it, the frame is
     * freed. For the victim, already unregistered; the caller made sure swap
     * has room. Throws IllegalStateException when this space does not map
     * ppn at va privately. Returns the slot.
     */
    long evict(long va, long ppn) {
        long slot = mappings.slot(va, false);
        long pte = slot < 0 ? 0 : mem.load(slot, 8);
        if ((pte & Pte.V) == 0 || Pte.ppn(pte) != ppn || frames.references(ppn) != 1) {
            throw new IllegalStateException("evicting " + Long.toHexString(va) + " from frame " + ppn
                    + ", which it does not map privately (pte 0x" + Long.toHexString(pte) + ")");
        }
        SwapIo io = vm.swapIo();
        long cached = io.uncache(ppn);
        boolean clean = cached >= 0 && (pte & Pte.D) == 0;
        if (cached >= 0 && !clean) {
            swap.free(cached); // written since it came back: the slot's bytes are stale
        }
        long s = clean ? cached : vm.transfer().pageOut(ppn);
        // a copy-on-write page whose other sharers are gone comes back writable (it is this space's alone)
        mem.store(slot, 8, Pte.swapped(s, (pte & Pte.COW) != 0 ? pte | Pte.W : pte));
        mappings.flush(va);
        if (clean) {
            io.cacheHit(); // the swap cache: the slot still holds these bytes, nothing is written
        }
        if (!clean && io.asynchronous()) {
            io.writeBack(s, ppn); // the frame is freed when the device has the page
        } else {
            frames.release(ppn);
            mem.unmarkCode(ppn);
        }
        counters.pagedOut();
        return s;
    }

    /**
     * One mapping of a frame several spaces share (after fork) is paged out:
     * the PTE at va points to swap slot {@code s} (which the caller wrote
     * once for every mapping and counts one reference for this one), a
     * copy-on-write page keeping its right to be written (it comes back as
     * this space's own copy), the TLBs forget it, the frame loses a
     * reference. Throws IllegalStateException when this space does not map
     * ppn at va.
     */
    void evictMapping(long va, long ppn, long s) {
        long slot = mappings.slot(va, false);
        long pte = slot < 0 ? 0 : mem.load(slot, 8);
        if ((pte & Pte.V) == 0 || Pte.ppn(pte) != ppn) {
            throw new IllegalStateException("evicting " + Long.toHexString(va) + " from frame " + ppn
                    + ", which it does not map (pte 0x" + Long.toHexString(pte) + ")");
        }
        long perms = (pte & Pte.COW) != 0 ? pte | Pte.W : pte;
        mem.store(slot, 8, Pte.swapped(s, perms));
        mappings.flush(va);
        if (frames.release(ppn)) {
            mem.unmarkCode(ppn);
        }
        counters.pagedOut();
    }

    /**
     * A page of a shared memory object in frame ppn is being paged out: this
     * space's mapping of it at va (if it has one) is removed; the next fault
     * brings the page back from the object.
     */
    void dropSharedMapping(long va, long ppn) {
        long slot = mappings.slot(va, false);
        long pte = slot < 0 ? 0 : mem.load(slot, 8);
        if ((pte & Pte.V) == 0 || Pte.ppn(pte) != ppn) {
            return;
        }
        mem.store(slot, 8, 0);
        mappings.flush(va);
        frames.release(ppn);
        counters.removeResident();
        counters.pageOuts++;
    }

    /**
     * A fault on a page whose PTE is SWAPPED: SEGV when its permissions do
     * not allow access, OOM when no frame can be found, else the page is
     * read back into a new frame with the permissions it had, its slot
     * freed, and {@link AddressSpace#SERVED} answered (a major fault).
     */
    int swapIn(long page, int access) {
        long pte = mappings.pte(page);
        if (!PageMappings.permits(pte, access)) {
            return AddressSpace.SEGV;
        }
        if (vm.swapIo().asynchronous()) {
            return swapInFromDevice(page, Pte.ppn(pte));
        }
        long f = vm.allocateFrame();
        if (f < 0) {
            return AddressSpace.OOM;
        }
        long slot = mappings.slot(page, false);
        pte = mem.load(slot, 8); // unchanged: only resident pages are evicted, but read it again anyway
        long s = Pte.ppn(pte);
        vm.transfer().pageIn(s, f);
        mem.store(slot, 8, Pte.make(f, (pte & (Pte.R | Pte.W | Pte.X | Pte.U)) | Pte.V | Pte.A));
        swap.free(s);
        counters.removeSwapped();
        counters.addResident();
        counters.majorFaults++;
        vm.pagedIn(space, page, s);
        vm.loaded(space, page, f);
        vm.traceMemory(TraceKind.PAGE_IN, space, page | access, counters.resident);
        return AddressSpace.SERVED;
    }

    /**
     * A user fault on a page in slot s of a swap device: WAIT for the I/O
     * in flight on the slot (another fault's read, or its page-out's
     * write), or a frame is reserved and the read starts (WAIT too); OOM
     * when no frame is free now (the caller waits for a writeback then).
     */
    private int swapInFromDevice(long page, long s) {
        SwapIo io = vm.swapIo();
        SwapIo.Pending busy = io.inFlight(s);
        if (busy != null) {
            io.waitFor(busy);
            return AddressSpace.WAIT;
        }
        long f = vm.allocateFrame();
        if (f < 0) {
            return AddressSpace.OOM;
        }
        io.waitFor(io.readIn(s, f, read -> arrived(page, read)));
        return AddressSpace.WAIT;
    }

    /**
     * The read of a page-in completed: the page is mapped in its frame with
     * the permissions it had, keeping its slot in the swap cache while it
     * stays clean (unless another space's PTE shares the slot: then this
     * reference goes); the frame goes back when the page is no longer
     * wanted (the space was destroyed, the page unmapped meanwhile).
     */
    private void arrived(long page, SwapIo.Pending read) {
        long f = read.frame;
        long s = read.slot;
        long slot = space.destroyed() ? -1 : mappings.slot(page, false);
        long pte = slot < 0 ? 0 : mem.load(slot, 8);
        if (!Pte.isSwapped(pte) || Pte.ppn(pte) != s) {
            frames.release(f);
            return;
        }
        mem.store(slot, 8, Pte.make(f, (pte & (Pte.R | Pte.W | Pte.X | Pte.U)) | Pte.V | Pte.A));
        if (swap.references(s) == 1) {
            vm.swapIo().cache(f, s);
        } else {
            swap.free(s);
        }
        counters.removeSwapped();
        counters.addResident();
        counters.majorFaults++;
        vm.pagedInFromDevice(space, page);
        vm.loaded(space, page, f);
        vm.traceMemory(TraceKind.PAGE_IN, space, page, counters.resident);
    }
}
