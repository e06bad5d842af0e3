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
 *
 * <p><b>Associativity.</b> The arrays have {@code tlbWays() * (tlbMask() + 1)}
 * entries. Way 0 of set {@code s} is entry {@code s}, the entry the fast
 * path checks, and holds the set's most recently used translation; way
 * {@code w} is entry {@code w * (tlbMask() + 1) + s}. Only {@link #refill}
 * looks at the other ways (and moves a hit there into way 0), so the fast
 * path stays one compare whatever the associativity.
 *
 * <p><b>Software-managed TLB.</b> When {@link #softwareManaged()} is true
 * there is no hardware walker for Sv39: {@link #refill} only searches the
 * TLB and returns false on a miss, and the CPU then raises
 * {@link TrapCause#INSTRUCTION_TLB_MISS}, {@link TrapCause#LOAD_TLB_MISS} or
 * {@link TrapCause#STORE_TLB_MISS} instead of a page fault. The kernel
 * answers with {@link #install}. Bare mode is identity-mapped by the
 * hardware in both designs.
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

    /**
     * Writes satp: switches address space. With ASIDs the TLB keeps entries
     * of other ASIDs; without ({@link #asids()} false) a write that changes
     * satp flushes the whole TLB.
     */
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

    /** Ways per set: 1 = direct-mapped, {@code tlbMask() + 1 == 1} with many ways = fully associative. */
    default int tlbWays() {
        return 1;
    }

    /**
     * Whether entries are tagged with the ASID (true), or the ASID is ignored
     * and every address-space switch flushes the TLB (false).
     */
    default boolean asids() {
        return true;
    }

    /**
     * Whether TLB misses trap to the kernel instead of walking Sv39 page
     * tables (a software-managed TLB, refilled with {@link #install}).
     * In that mode {@link #translate} looks only in the TLB and never walks:
     * the kernel must translate its own accesses to user memory through its
     * own page table.
     */
    default boolean softwareManaged() {
        return false;
    }

    /**
     * Software-managed TLB only (the MIPS tlbwr): installs the translation of
     * the 4 KiB page of {@code va} in address space {@code asid} (ignored
     * without ASIDs) to frame {@code ppn}, in way 0 of its set, replacing an
     * entry for the same page or else evicting the least recently used (or
     * an empty) way. Install {@code write} only for a page the kernel counts
     * as dirty: a store to an entry without write permission traps again
     * ({@link TrapCause#STORE_TLB_MISS}), which is the kernel's dirty-bit
     * signal. Throws IllegalStateException in a hardware-refilled TLB and
     * IllegalArgumentException for a frame outside memory.
     */
    default void install(long va, int asid, long ppn, boolean read, boolean write, boolean exec) {
        throw new IllegalStateException("this TLB is refilled by hardware; install needs a software-managed TLB");
    }
}
