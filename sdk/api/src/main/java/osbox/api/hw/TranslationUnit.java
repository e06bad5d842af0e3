package osbox.api.hw;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One hart's MMU: satp, the Sv39 page-table walker and the TLB.
 *
 * <p><b>Fast path.</b> The TLB is exposed as parallel primitive arrays so the
 * CPU can look up a translation without a call: for a virtual address
 * {@code va}, entry {@code i = (int) (va >>> 12) & tlbMask()} translates it
 * for a read when {@code readTags()[i] == ((va >>> 12) | asidTag())}, and the
 * bytes are then in {@code pages()[i]} at offset {@code va & 0xfff}; likewise
 * {@code writeTags()} and {@code execTags()}, and {@code ppns()[i]} gives the
 * physical page number. The arrays keep their identity for the unit's life;
 * {@link #asidTag()} changes only when satp is written.
 *
 * <p><b>Slow path.</b> On a fast-path miss the CPU calls {@link #refill},
 * which walks the page table (setting A and D bits as the hardware may),
 * checks permissions for user mode, and installs the entry, or reports a
 * page fault by returning false. The caller counts its fast-path accesses
 * and reports them with {@link #countAccesses(long)}, so hits cost nothing.
 */
@ProviderType
public interface TranslationUnit {
    /** satp mode field value for no translation (physical = virtual). */
    int MODE_BARE = 0;
    /** satp mode field value for Sv39. */
    int MODE_SV39 = 8;

    /** Builds a satp value. */
    static long satp(int mode, int asid, long rootPpn) {
        return ((long) mode << 60) | ((long) (asid & 0xffff) << 44) | (rootPpn & ((1L << 44) - 1));
    }

    int hartId();

    long[] readTags();

    long[] writeTags();

    long[] execTags();

    byte[][] pages();

    long[] ppns();

    int tlbMask();

    /** The current address-space tag OR-ed into every fast-path tag. */
    long asidTag();

    /** Writes satp: switches address space. The TLB keeps entries of other ASIDs. */
    void setSatp(long satp);

    long satp();

    /**
     * Translates {@code va} for {@code access} (one of {@link Access}) and puts
     * the translation in the fast-path arrays. Returns false on a page fault
     * (invalid, not user, not permitted, not canonical, or outside memory).
     */
    boolean refill(long va, int access);

    /**
     * Translates one address without the caller caring about the TLB arrays:
     * returns the physical address, or -1 on a page fault. Used by slow paths
     * (accesses that cross a page) and by the kernel to reach user memory.
     */
    long translate(long va, int access);

    /** sfence.vma with no arguments: drops every entry. */
    void flushAll();

    /** Drops the entries of one address space. */
    void flushAsid(int asid);

    /** Drops the entries for one virtual page in one address space. */
    void flushPage(long va, int asid);

    /** Drops write permission from every entry that maps frame {@code ppn} (it now holds code). */
    void revokeWrite(long ppn);

    /** Adds fast-path accesses made by the CPU since the last report. */
    void countAccesses(long accesses);

    TlbStatistics statistics();
}
