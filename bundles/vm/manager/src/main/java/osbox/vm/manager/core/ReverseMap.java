package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import osbox.api.hw.Pte;

/**
 * The reverse map: from a frame to the PTEs that map it, for the frames
 * several spaces share. A frame shared after fork is mapped at the same
 * address in every live space that maps it (found by asking each live
 * space, oldest first); a page of a shared memory object is found through
 * the object's mappers. It answers who else maps a frame when its
 * registered owner lets go ({@link #staysEvictable}), and which mappings an
 * eviction must change ({@link Eviction}). It also knows the live spaces
 * and which one is forking now. Simulation thread only.
 */
final class ReverseMap {
    /** Page {@code index} of a shared memory object, resident in a frame. */
    record SharedPage(SharedMemory shm, long index) {
    }

    /** A mapping that can own a frame's record. */
    private record Owner(PagedAddressSpace space, long va) {
    }

    private final FrameAllocator frames;
    /** Frames of shared memory objects: lookups by frame only (never iterated, so hashing order never shows). */
    private final Map<Long, SharedPage> sharedFrames = new HashMap<>();
    /** The spaces not destroyed yet, in creation order. */
    private final LinkedHashSet<PagedAddressSpace> live = new LinkedHashSet<>();
    /** The space whose fork is walking its page table now (its pages stay registered while they become shared). */
    private PagedAddressSpace forking;

    /** The reverse map of the frames of {@code frames}. */
    ReverseMap(FrameAllocator frames) {
        this.frames = frames;
    }

    /** A space was made: it counts as live (and as a possible mapper) until destroyed. */
    void spaceCreated(PagedAddressSpace space) {
        live.add(space);
    }

    /** A space was destroyed: it no longer counts as live. */
    void spaceDestroyed(PagedAddressSpace space) {
        live.remove(space);
    }

    /** The live spaces, oldest first. */
    List<PagedAddressSpace> liveSpaces() {
        return new ArrayList<>(live);
    }

    /** fork of parent starts (parent) or ends (null). */
    void forking(PagedAddressSpace parent) {
        forking = parent;
    }

    /** Whether a fork is walking its parent's table now. */
    boolean isForking() {
        return forking != null;
    }

    /** Page i of shm is resident in frame ppn. */
    void sharedLoaded(SharedMemory shm, long i, long ppn) {
        sharedFrames.put(ppn, new SharedPage(shm, i));
    }

    /** Frame ppn no longer holds a page of a shared memory object (paged out, or the object freed it). */
    void sharedGone(long ppn) {
        sharedFrames.remove(ppn);
    }

    /** The shared memory object's page in frame ppn, or null when the frame holds none. */
    SharedPage sharedPage(long ppn) {
        return sharedFrames.get(ppn);
    }

    /**
     * Whether the record r stays registered when space's mapping of its
     * frame goes: always during space's fork (the page becomes shared, still
     * evictable); when another mapping owns the record and the frame keeps
     * other mappings; or when space owned it and another mapping can take it
     * over (r then names that mapping). False when the record must go.
     */
    boolean staysEvictable(PageRecord r, PagedAddressSpace space) {
        if (space == forking) {
            return true; // fork shares the page: still evictable, through the reverse map
        }
        boolean shared = sharedFrames.containsKey(r.ppn) || frames.references(r.ppn) > 1;
        if (r.space != space) {
            // another mapping owns the record; it stays, unless this was the frame's last reference
            return shared;
        }
        if (!shared) {
            return false;
        }
        // the owner's mapping goes: another mapper owns the record from now on
        Owner other = otherOwner(r, space);
        if (other == null) {
            // no other PTE maps it (a shared object's page no one has mapped since): not evictable
            // until a mapper faults it in again
            return false;
        }
        r.space = other.space();
        r.va = other.va();
        return true;
    }

    /** The live spaces (oldest first) whose PTE at va maps frame ppn, but {@code except}. */
    List<PagedAddressSpace> mappersOf(long ppn, long va, PagedAddressSpace except) {
        List<PagedAddressSpace> out = new ArrayList<>();
        for (PagedAddressSpace s : live) {
            if (s != except) {
                long pte = s.pte(va);
                if ((pte & Pte.V) != 0 && Pte.ppn(pte) == ppn) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** Where mapping m maps page sp.index of its object, or -1 when its region does not cover it. */
    static long sharedVa(SharedMemory.Mapping m, SharedPage sp) {
        Region g = m.region();
        if (g.shared != sp.shm()) {
            return -1;
        }
        long va = g.start + (sp.index() - g.sharedFirst) * PagedAddressSpace.PAGE;
        return g.contains(va) ? va : -1;
    }

    // Another mapping of the record's frame than space's, to own the record; null when none.
    private Owner otherOwner(PageRecord r, PagedAddressSpace space) {
        SharedPage sp = sharedFrames.get(r.ppn);
        if (sp == null) {
            List<PagedAddressSpace> m = mappersOf(r.ppn, r.va, space);
            return m.isEmpty() ? null : new Owner(m.get(0), r.va);
        }
        for (SharedMemory.Mapping m : sp.shm().mappers()) {
            long va = m.space() == space ? -1 : sharedVa(m, sp);
            if (va >= 0) {
                long pte = m.space().pte(va);
                if ((pte & Pte.V) != 0 && Pte.ppn(pte) == r.ppn) {
                    return new Owner(m.space(), va);
                }
            }
        }
        return null;
    }
}
