package osbox.vm.manager.core;

import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.memory.AddressSpace;
import osbox.api.trace.TraceKind;

/**
 * The page-fault handler of one address space, and the kernel's
 * translation of user addresses through it. A fault is dispatched by the
 * state of the page: present and COW on a write ({@link CopyOnWrite}), in
 * swap ({@link PageSwap}), in a shared memory object (mapped from the
 * object, brought in first if need be), in the image
 * ({@link ImageSegments}), or else a zero page (demand zero). A fault the
 * region does not permit is SEGV. Simulation thread only.
 */
final class DemandPaging extends SpacePart {
    /** {@link #kernelTranslate}'s answer when the process itself could not make the access. */
    static final long NO_ACCESS = -1;
    /** {@link #kernelTranslate}'s answer when the access is allowed but the page needs a frame and none is left. */
    static final long NO_FRAME = -2;
    private static final long PAGE = AddressSpace.PAGE;

    private final RegionMap regions;
    private final PageMappings mappings;
    private final ImageSegments image;
    private final CopyOnWrite cow;
    private final PageSwap swapping;

    /** The fault handler of {@code space}, dispatching to its image, copy-on-write and swap parts. */
    DemandPaging(PagedAddressSpace space, VirtualMemory vm, RegionMap regions, PageMappings mappings,
            SpaceCounters counters, ImageSegments image, CopyOnWrite cow, PageSwap swapping) {
        super(space, vm, counters);
        this.regions = regions;
        this.mappings = mappings;
        this.image = image;
        this.cow = cow;
        this.swapping = swapping;
    }

    /**
     * Serves a fault of the process at va for access (an {@link Access}
     * kind): SERVED, SEGV or OOM; also OOM when the fault was served but the
     * faulting instruction has been found unable to progress (its pages keep
     * evicting each other even under the built-in policy), so the kernel's
     * OOM policy frees memory. With swap on a device, WAIT when the page is
     * being read from it, or no frame is free while one is being written
     * back ({@link SwapIo}): the thread sleeps until
     * {@link PagedAddressSpace#onFaultReady} wakes it, and faults again.
     */
    int handleFault(long va, int access) {
        SwapIo io = vm.swapIo();
        int r;
        io.beginUserFault();
        try {
            r = serve(va, access);
        } finally {
            io.endUserFault();
        }
        if (r == AddressSpace.WAIT || r == AddressSpace.OOM && io.backend() != null && io.waitForFrame()) {
            return AddressSpace.WAIT; // a page-in, or a frame still being written back: the thread sleeps
        }
        return r == AddressSpace.SERVED && vm.takeStarved(space) ? AddressSpace.OOM : r;
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
        if (va < 0 || va >= AddressSpace.STACK_TOP) {
            return NO_ACCESS;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            long slot = mappings.slot(va, false);
            long pte = slot < 0 ? 0 : mem.load(slot, 8);
            if ((pte & Pte.V) != 0) {
                if (!PageMappings.permits(pte, access)) {
                    if (attempt == 0 && access == Access.WRITE && (pte & Pte.COW) != 0) {
                        int r = serve(va, access);
                        if (r == AddressSpace.SERVED) {
                            continue;
                        }
                        return r == AddressSpace.OOM ? NO_FRAME : NO_ACCESS;
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
            int r = serve(va, access);
            if (r != AddressSpace.SERVED) {
                return r == AddressSpace.OOM ? NO_FRAME : NO_ACCESS;
            }
        }
        return NO_ACCESS;
    }

    // handleFault without the no-progress verdict (kernel accesses, retries inside the VM manager).
    private int serve(long va, int access) {
        Region r = regions.at(va);
        if (r == null || !PageMappings.permits(r.perms, access)) {
            return AddressSpace.SEGV;
        }
        long page = va & -PAGE;
        long present = mappings.pte(page);
        if ((present & Pte.V) != 0) {
            if (access != Access.WRITE || (present & Pte.COW) == 0) {
                return AddressSpace.SEGV;
            }
            int broken = cow.breakOnWrite(page);
            return broken == CopyOnWrite.PAGED_OUT ? serve(page, Access.WRITE) : broken;
        }
        if (Pte.isSwapped(present)) {
            return swapping.swapIn(page, access);
        }
        if (r.shared != null) {
            return sharedFault(r, page, access);
        }
        if (r.kind == Region.Kind.IMAGE) {
            return image.fault(page, access);
        }
        return zeroFill(page, r.perms, access);
    }

    // A first touch of a private page of a heap, stack or anonymous region: a zero page (a minor fault).
    private int zeroFill(long page, long perms, int access) {
        if (!mappings.mapZero(page, perms)) {
            return AddressSpace.OOM;
        }
        counters.minorFaults++;
        vm.traceMemory(TraceKind.ZERO_FILL_FAULT, space, page | access, counters.resident);
        return AddressSpace.SERVED;
    }

    // A fault on a page of a shared anonymous region: maps the object's frame for the page, bringing it
    // in first (zero-filled on the first touch by any sharer, or read back from the object's swap slot)
    // so every sharer sees the same page.
    private int sharedFault(Region r, long page, int access) {
        // the page tables first: making them may evict pages, never this one once it is in place
        if (mappings.slot(page, true) < 0) {
            return AddressSpace.OOM;
        }
        SharedMemory shm = r.shared;
        long i = r.sharedFirst + (page - r.start) / PAGE;
        long f = shm.frame(i);
        TraceKind kind = TraceKind.ZERO_FILL_FAULT;
        if (f < 0) {
            f = vm.allocateFrame();
            if (f < 0) {
                return AddressSpace.OOM;
            }
            long s = shm.slot(i);
            if (s >= 0) {
                vm.transfer().pageIn(s, f);
                swap.free(s);
                counters.majorFaults++;
                kind = TraceKind.PAGE_IN;
                vm.pagedIn(space, page, s);
            } else {
                mem.zeroFrame(f);
                counters.minorFaults++;
            }
            shm.setFrame(i, f);
            vm.sharedLoaded(shm, i, f, space, page);
        } else {
            // another sharer brought it in: only this space's PTE is missing
            counters.minorFaults++;
            vm.accessed(f);
        }
        frames.share(f);
        if (!mappings.map(page, f, r.perms)) {
            frames.release(f); // cannot happen: the tables are in place
            return AddressSpace.OOM;
        }
        vm.loaded(space, page, f); // evictable again if no mapper owned it
        vm.traceMemory(kind, space, page | access, counters.resident);
        return AddressSpace.SERVED;
    }
}
