package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The regions of one address space, by start address (a TreeMap: address
 * order, never hashing order): lookups, free-range tests, splitting a
 * region at an address, the top-down gap search of mmap, and the
 * references regions hold on shared memory objects ({@link Region#shared}).
 * Knows nothing of PTEs: the callers ({@link MappingCalls},
 * {@link ImageSegments}, fork) change the pages. Regions never overlap.
 * Simulation thread only.
 */
final class RegionMap {
    private final PagedAddressSpace owner;
    private final VirtualMemory vm;
    private final TreeMap<Long, Region> regions = new TreeMap<>();

    /** The regions of {@code owner}, whose shared memory objects free their pages through {@code vm}. */
    RegionMap(PagedAddressSpace owner, VirtualMemory vm) {
        this.owner = owner;
        this.vm = vm;
    }

    /** The region containing va, or null. */
    Region at(long va) {
        Map.Entry<Long, Region> e = regions.floorEntry(va);
        return e != null && e.getValue().contains(va) ? e.getValue() : null;
    }

    /** Whether [start, end) touches no region. */
    boolean isFree(long start, long end) {
        Map.Entry<Long, Region> below = regions.lowerEntry(end);
        return below == null || below.getValue().end <= start;
    }

    /**
     * Adds a region of kind over [start, end) with R/W/X perms. The caller
     * made sure the range is free; a region starting at the same address is
     * replaced (as brk has always done over a mapping placed at the heap's
     * start after the heap was unmapped).
     */
    Region add(Region.Kind kind, long start, long end, long perms) {
        Region r = new Region(kind, start, end, perms);
        regions.put(start, r);
        return r;
    }

    /** Takes r out of the map (its shared memory object, if any, is still referenced: see {@link #detachShared}). */
    void remove(Region r) {
        if (regions.remove(r.start) != r) {
            throw new IllegalStateException("removing " + r + ", which is not in the map");
        }
    }

    /** Every region in address order (a live view: the caller does not add or remove while iterating). */
    Collection<Region> inOrder() {
        return regions.values();
    }

    /** The regions starting in [start, end), in address order (a live view, as {@link #inOrder}). */
    Collection<Region> startingIn(long start, long end) {
        return regions.subMap(start, end).values();
    }

    /** A copy of the regions in address order (for reports and for loops that remove). */
    List<Region> list() {
        return new ArrayList<>(regions.values());
    }

    /**
     * Splits the region containing va (if any) so that a region starts at
     * va; the upper part maps the same shared memory object (one more
     * reference) from the page it covers.
     */
    void split(long va) {
        Region r = at(va);
        if (r == null || r.start == va) {
            return;
        }
        Region upper = new Region(r.kind, va, r.end, r.perms);
        r.end = va;
        regions.put(va, upper);
        if (r.shared != null) {
            upper.shared = r.shared;
            upper.sharedFirst = r.sharedFirst + (va - r.start) / PagedAddressSpace.PAGE;
            upper.shared.retain(owner, upper, owner.pid());
        }
    }

    /**
     * The highest free gap of size bytes below {@code top}, whose start is
     * above {@code floor}: its address, or -1 when there is none.
     */
    long findGap(long size, long top, long floor) {
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
        return at > floor ? at : -1;
    }

    /** The region no longer maps its shared memory object (if any): one reference less. */
    void detachShared(Region r) {
        if (r.shared != null) {
            SharedMemory shm = r.shared;
            r.shared = null;
            shm.release(owner, r, vm);
        }
    }

    /** Drops every region, each releasing its shared memory object (destroy). */
    void clear() {
        for (Region r : regions.values()) {
            detachShared(r);
        }
        regions.clear();
    }

    /** fork: the same regions in {@code child}, each mapping the same shared memory object (one more reference). */
    void copyInto(RegionMap child) {
        for (Region r : regions.values()) {
            Region c = new Region(r.kind, r.start, r.end, r.perms);
            child.regions.put(r.start, c);
            if (r.shared != null) {
                c.shared = r.shared;
                c.sharedFirst = r.sharedFirst;
                c.shared.retain(child.owner, c, owner.pid());
            }
        }
    }
}
