package osbox.vm.manager.core;

/**
 * How one address space's page table is organised. Whatever the
 * organisation, every page has one 64-bit word in simulated physical memory
 * in the Sv39 leaf-PTE format ({@link osbox.api.hw.Pte}: V, R/W/X, U, A, D, the software
 * bits COW and SWAPPED, the PPN or swap slot), and {@link #slot} gives its
 * physical address, so demand paging, copy-on-write and swap work on any
 * organisation unchanged. Implementations: {@link Sv39PageTable} (the
 * three-level radix tree the hardware walker reads) and
 * {@link HashedPageTable} (a chained hash table the kernel consults on
 * software TLB misses). Simulation thread only.
 */
public interface PageTable {

    /** The organisations; the VM manager picks one at boot from the MMU's refill mode. */
    enum Organisation {
        /** Sv39 radix tree, walked by the hardware on a TLB miss. */
        SV39,
        /** Hashed page table keyed by (ASID, VPN), consulted by the kernel on a software TLB miss. */
        HASHED;

        /** A new, empty table of this organisation for the space with {@code asid}; null when out of frames. */
        public PageTable create(VirtualMemory vm, int asid) {
            return this == SV39 ? Sv39PageTable.create(vm) : HashedPageTable.create(vm, asid);
        }
    }

    /** Visits one page's PTE word (present or in swap). */
    @FunctionalInterface
    interface LeafVisitor {
        /** Called with the page's virtual address and its PTE word's physical address; false stops the walk. */
        boolean visit(long va, long slot);
    }

    /**
     * Physical address of the PTE word for page va, creating what the table
     * needs when {@code create} (a new word reads 0); -1 when absent (or out
     * of frames while creating). An address stays valid until
     * {@link #release}: entries never move.
     */
    long slot(long va, boolean create);

    /**
     * Visits every page whose PTE word is valid or marks a page in swap, in a
     * deterministic order. The visitor may change PTE words, and may make
     * other tables allocate frames (which may evict pages of this one: a
     * visited word can change under the visitor), but must not create
     * entries in this table.
     */
    boolean forEachLeaf(LeafVisitor visitor);

    /** Frames the table itself uses. */
    long pages();

    /** The PPN satp carries (the Sv39 root; informational for a hashed table, whose satp PPN is ignored). */
    long root();

    /** Frees the table's own frames (not the pages it maps). */
    void release();

    /** The organisation. */
    Organisation organisation();
}
