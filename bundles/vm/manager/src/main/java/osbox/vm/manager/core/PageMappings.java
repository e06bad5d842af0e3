package osbox.vm.manager.core;

import java.util.Arrays;
import osbox.api.hw.Access;
import osbox.api.hw.Pte;
import osbox.api.memory.AddressSpace;

/**
 * The leaf PTEs of one address space (xv6's walk, mappages, uvmunmap): find
 * a page's PTE word in the {@link PageTable}, install a frame, clear a
 * page, drop a page from the TLBs. Every change keeps the space's
 * {@link SpaceCounters} and the paging mechanism's registry of evictable
 * pages ({@link VirtualMemory#loaded}, {@link VirtualMemory#removed}) in
 * step with the table. The layer every other part of the space builds on;
 * it calls none of them. Simulation thread only.
 */
final class PageMappings extends SpacePart {
    private final TlbShootdown tlb;
    private final PageTable table;
    private final int asid;

    /** The PTEs of {@code space} (the registry's name for it) in {@code table}, which is tagged {@code asid}. */
    PageMappings(PagedAddressSpace space, VirtualMemory vm, TlbShootdown tlb, PageTable table, int asid,
            SpaceCounters counters) {
        super(space, vm, counters);
        this.tlb = tlb;
        this.table = table;
        this.asid = asid;
    }

    /** Whether R/W/X bits {@code perms} (of a region or a PTE) allow access (an {@link Access} kind). */
    static boolean permits(long perms, int access) {
        switch (access) {
            case Access.READ: return (perms & Pte.R) != 0;
            case Access.WRITE: return (perms & Pte.W) != 0;
            case Access.EXECUTE: return (perms & Pte.X) != 0;
            default: return false;
        }
    }

    /**
     * Physical address of the leaf PTE for va, creating intermediate tables
     * when {@code create} (which may allocate frames, and so evict pages of
     * any space, this one too); -1 when absent (or out of frames while
     * creating).
     */
    long slot(long va, boolean create) {
        return table.slot(va, create);
    }

    /** Ranges up to this many pages are looked at page by page; larger ones through one walk of the table. */
    static final long LINEAR_PAGES = 1024;

    /**
     * The pages of [start, end) (page-aligned) a caller must look at to
     * change every PTE word there, in ascending order: each page of a
     * small range; for a larger one only the pages the table holds (present
     * or in swap), from one walk, so that a huge range barely touched (a brk
     * or mmap of gigabytes) costs what is mapped, not its size.
     */
    long[] pagesIn(long start, long end) {
        if (end <= start) {
            return new long[0];
        }
        if ((end - start) / AddressSpace.PAGE <= LINEAR_PAGES) {
            long[] all = new long[(int) ((end - start) / AddressSpace.PAGE)];
            for (int i = 0; i < all.length; i++) {
                all[i] = start + i * AddressSpace.PAGE;
            }
            return all;
        }
        long[][] found = { new long[16] };
        int[] n = { 0 };
        table.forEachLeaf((va, slot) -> {
            if (va >= start && va < end) {
                if (n[0] == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], 2 * n[0]);
                }
                found[0][n[0]++] = va;
            }
            return true;
        });
        long[] pages = Arrays.copyOf(found[0], n[0]);
        Arrays.sort(pages);
        return pages;
    }

    /** The leaf PTE mapping va, or 0 when the table has none. */
    long pte(long va) {
        long slot = slot(va, false);
        return slot < 0 ? 0 : mem.load(slot, 8);
    }

    /**
     * Maps page va, which must be neither present nor in swap
     * (IllegalStateException otherwise), to frame ppn with R/W/X
     * {@code perms} (U and V added) and counts it resident; false when out
     * of frames for the tables. The caller registers the page with the
     * paging mechanism if it is evictable.
     */
    boolean map(long va, long ppn, long perms) {
        long slot = slot(va, true);
        if (slot < 0) {
            return false;
        }
        long old = mem.load(slot, 8);
        if ((old & Pte.V) != 0 || Pte.isSwapped(old)) {
            throw new IllegalStateException("mapping page " + Long.toHexString(va) + " to frame " + ppn
                    + " over pte 0x" + Long.toHexString(old));
        }
        mem.store(slot, 8, Pte.make(ppn, perms | Pte.U | Pte.V));
        counters.addResident();
        return true;
    }

    /** Maps a fresh zeroed frame at page va and registers it as evictable; false when out of frames. */
    boolean mapZero(long va, long perms) {
        long f = vm.allocateFrame();
        if (f < 0) {
            return false;
        }
        mem.zeroFrame(f);
        if (!map(va, f, perms)) {
            frames.release(f);
            return false;
        }
        vm.loaded(space, va, f);
        return true;
    }

    /**
     * Removes the mapping of page va, if any: a page in swap frees its slot
     * reference, a resident page leaves the registry and the TLBs and frees
     * its frame reference (the frame is freed with its last one).
     */
    void unmap(long va) {
        long slot = slot(va, false);
        if (slot < 0) {
            return;
        }
        long pte = mem.load(slot, 8);
        if (Pte.isSwapped(pte)) {
            mem.store(slot, 8, 0);
            swap.free(Pte.ppn(pte));
            counters.removeSwapped();
            return;
        }
        if ((pte & Pte.V) == 0) {
            return;
        }
        mem.store(slot, 8, 0);
        long ppn = Pte.ppn(pte);
        vm.removed(space, ppn);
        flush(va);
        if (frames.release(ppn)) {
            mem.unmarkCode(ppn);
        }
        counters.removeResident();
    }

    /**
     * Frees what one visited PTE holds (the frame reference or swap slot
     * reference) without clearing it or counting: for {@link PagedAddressSpace#destroy},
     * which releases the table itself next. Always true (the walk goes on).
     */
    boolean freeLeaf(long va, long slot) {
        long pte = mem.load(slot, 8);
        if (Pte.isSwapped(pte)) {
            swap.free(Pte.ppn(pte));
        } else if ((pte & Pte.V) != 0) {
            vm.removed(space, Pte.ppn(pte));
            if (frames.release(Pte.ppn(pte))) {
                mem.unmarkCode(Pte.ppn(pte));
            }
        }
        return true;
    }

    /** Clears the A bit of the page at va and drops it from the TLBs (replacement policies' clearReferenced). */
    void clearAccessed(long va) {
        long slot = slot(va, false);
        if (slot < 0) {
            return;
        }
        long pte = mem.load(slot, 8);
        if ((pte & Pte.V) != 0 && (pte & Pte.A) != 0) {
            mem.store(slot, 8, pte & ~Pte.A);
            flush(va);
        }
    }

    /** Drops page va of this space from every hart's TLB (after its PTE lost a right or its frame). */
    void flush(long va) {
        tlb.flushPage(va, asid);
    }

    /** Drops every page of this space from every hart's TLB. */
    void flushAll() {
        tlb.flushAsid(asid);
    }
}
