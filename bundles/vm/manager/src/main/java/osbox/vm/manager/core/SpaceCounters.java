package osbox.vm.manager.core;

/**
 * The counters of one address space, kept apart from the code that moves
 * them (state only, like a field group of xv6's {@code struct proc}): its
 * resident and swapped pages and the faults and page-outs that changed
 * them. Written by the space's parts ({@link PageMappings},
 * {@link DemandPaging}, {@link ImageSegments}, {@link CopyOnWrite},
 * {@link PageSwap}, {@link SoftwareRefill} through the space); read by
 * {@link PagedAddressSpace}'s getters and the VM manager's statistics.
 * Simulation thread only.
 */
final class SpaceCounters {
    /** User pages mapped now (the resident set), and the most it ever was. */
    long resident;
    long peakResident;
    /** User pages whose PTE points into swap. */
    long swapped;
    /** Pages of this space written to swap by eviction (or dropped from a shared object's page-out). */
    long pageOuts;
    /** Faults served by reading a page back from swap. */
    long majorFaults;
    /** Faults served by a zero page, or by mapping a shared page another sharer brought in. */
    long minorFaults;
    /** Pages of the executable brought in on first touch. */
    long imageFaults;
    /** TLB misses the space's table answered without a fault (software-managed TLB). */
    long softwareRefills;
    /** Pages this space shared with children at fork. */
    long sharedAtFork;
    /** Write faults on copy-on-write pages, pages copied by them, and pages taken back unshared. */
    long cowFaults;
    long cowCopies;
    long cowReclaimed;
    /** setPid was called: the space is a process's, and changes of its resident set are traced (MEMORY events). */
    boolean announced;

    /** One more page is resident: the resident set and its peak grow. */
    void addResident() {
        resident++;
        peakResident = Math.max(peakResident, resident);
    }

    /** One page less is resident (unmapped or dropped). Throws when the count would go negative. */
    void removeResident() {
        if (resident <= 0) {
            throw new IllegalStateException("resident pages would go below 0");
        }
        resident--;
    }

    /** One resident page went to swap (its PTE points at a slot now): a page-out. */
    void pagedOut() {
        removeResident();
        swapped++;
        pageOuts++;
    }

    /** One page less is in swap (freed, or brought back). Throws when the count would go negative. */
    void removeSwapped() {
        if (swapped <= 0) {
            throw new IllegalStateException("swapped pages would go below 0");
        }
        swapped--;
    }

    /** The space was destroyed: nothing is resident or in swap any more (the other counters stay readable). */
    void clearSets() {
        resident = 0;
        swapped = 0;
    }
}
