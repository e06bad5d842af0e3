package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.Pte;
import osbox.api.memory.AddressSpace;
import osbox.api.memory.MemoryRegion;
import osbox.api.memory.RegionUsage;

/**
 * One address space in the terms of its API ({@link AddressSpace}): PROT_*
 * bits for the R/W/X bits of PTEs and regions, and the regions as
 * {@link MemoryRegion}s with the pages of each resident and in swap. Reads
 * only; never creates table entries or faults pages in.
 */
final class ApiView {
    // Static helpers only.
    private ApiView() {
    }

    /** PROT_* bits to R/W/X PTE bits; write implies read, since RISC-V reserves W without R. */
    static long protToPte(int prot) {
        long p = 0;
        if ((prot & AddressSpace.PROT_READ) != 0) {
            p |= Pte.R;
        }
        if ((prot & AddressSpace.PROT_WRITE) != 0) {
            p |= Pte.R | Pte.W;
        }
        if ((prot & AddressSpace.PROT_EXEC) != 0) {
            p |= Pte.X;
        }
        return p;
    }

    /** R/W/X PTE bits to PROT_* bits. */
    static int pteToProt(long perms) {
        return ((perms & Pte.R) != 0 ? AddressSpace.PROT_READ : 0) | ((perms & Pte.W) != 0 ? AddressSpace.PROT_WRITE : 0)
                | ((perms & Pte.X) != 0 ? AddressSpace.PROT_EXEC : 0);
    }

    /** The regions in address order with PROT_* bits. */
    static List<MemoryRegion> describe(RegionMap regions) {
        List<MemoryRegion> out = new ArrayList<>();
        for (Region r : regions.inOrder()) {
            out.add(new MemoryRegion(MemoryRegion.Kind.valueOf(r.kind.name()), r.start, r.end,
                    pteToProt(r.perms)));
        }
        return out;
    }

    /**
     * Each region with its resident and swapped pages: one walk over the
     * table's entries (never-touched pages cost nothing), each counted in
     * the region containing it. With {@code walk} false (a destroyed space)
     * every count is 0.
     */
    static List<RegionUsage> usage(RegionMap regions, PageTable table, PhysicalMemory mem, boolean walk) {
        List<MemoryRegion> list = describe(regions);
        long[] resident = new long[list.size()];
        long[] swapped = new long[list.size()];
        if (walk && !list.isEmpty()) {
            long[] starts = new long[list.size()];
            for (int i = 0; i < starts.length; i++) {
                starts[i] = list.get(i).start();
            }
            table.forEachLeaf((va, slot) -> {
                int i = Arrays.binarySearch(starts, va);
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
}
