package osbox.hw.mmu;

import osbox.api.hw.Access;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;

/**
 * One hart's MMU: satp, an Sv39 walker and a direct-mapped TLB with 11-bit
 * ASIDs. Plain Java; build it directly in tests and non-OSGi harnesses.
 *
 * <p>satp: modes Bare (0) and Sv39 (8) are implemented. A write with any
 * other mode is ignored (satp keeps its old value), as the privileged spec
 * requires. ASIDLEN is 11: the upper five bits of the ASID field read back
 * as zero. Writing satp never flushes the TLB; entries of other address
 * spaces stay and hit again when their ASID comes back.
 *
 * <p>Fast-path tags are {@code (va >>> 12) | asidTag()} where asidTag is
 * {@code asid << 52} in Sv39 and {@code 1L << 63} in Bare mode, so Bare and
 * Sv39 entries never alias. A write tag is installed only for a page whose
 * PTE is writable and dirty (the walker sets D on a write refill) and whose
 * frame is not marked as code; a write refill to a code frame first clears
 * the mark through {@link PhysicalMemory#unmarkCode}, which tells the
 * decode caches.
 */
public final class Sv39TranslationUnit implements TranslationUnit {
    static final int ASID_BITS = 11;
    static final int ASID_MASK = (1 << ASID_BITS) - 1;
    static final int ASID_TAG_SHIFT = 52;
    static final long BARE_TAG = 1L << 63;
    private static final int SATP_MODE_SHIFT = 60;
    private static final int SATP_ASID_SHIFT = 44;
    private static final long SATP_ASID_FIELD = 0xffffL << SATP_ASID_SHIFT;
    private static final long SATP_PPN_MASK = (1L << 44) - 1;

    private final int hartId;
    private final PhysicalMemory mem;
    private final DirectMappedTlb tlb;
    private final Sv39Walker walker;

    private long satp;
    private boolean bare = true;
    private long rootPpn;
    private long asidTag = BARE_TAG;

    private long countedAccesses;
    private long misses;
    private long walks;
    private long faults;
    private long flushes;

    /**
     * Makes the unit of hart {@code hartId} over {@code mem}, with a TLB of
     * {@code tlbEntries} entries (a power of two, 1 to 65536). Starts in
     * Bare mode with an empty TLB.
     */
    public Sv39TranslationUnit(int hartId, PhysicalMemory mem, int tlbEntries) {
        Sv39Mmu.checkTlbEntries(tlbEntries);
        if (mem == null) {
            throw new IllegalArgumentException("physical memory is required");
        }
        this.hartId = hartId;
        this.mem = mem;
        this.tlb = new DirectMappedTlb(tlbEntries);
        this.walker = new Sv39Walker(mem);
    }

    @Override public int hartId() { return hartId; }
    @Override public long[] readTags() { return tlb.readTags; }
    @Override public long[] writeTags() { return tlb.writeTags; }
    @Override public long[] execTags() { return tlb.execTags; }
    @Override public byte[][] pages() { return tlb.pages; }
    @Override public long[] ppns() { return tlb.ppns; }
    @Override public int tlbMask() { return tlb.mask; }
    @Override public long asidTag() { return asidTag; }
    @Override public long satp() { return satp; }

    /**
     * Writes satp. Unsupported modes leave satp unchanged; the ASID field
     * keeps its low 11 bits. The TLB is not flushed.
     */
    @Override
    public void setSatp(long value) {
        int mode = (int) (value >>> SATP_MODE_SHIFT);
        if (mode != MODE_BARE && mode != MODE_SV39) {
            return;
        }
        long asid = (value >>> SATP_ASID_SHIFT) & ASID_MASK;
        satp = (value & ~SATP_ASID_FIELD) | (asid << SATP_ASID_SHIFT);
        bare = mode == MODE_BARE;
        rootPpn = value & SATP_PPN_MASK;
        asidTag = bare ? BARE_TAG : asid << ASID_TAG_SHIFT;
    }

    /**
     * Walks for {@code va} and installs its 4 KiB translation with every
     * permission the PTE grants (write only if dirty and not code). Returns
     * false on a page fault, leaving the TLB unchanged.
     */
    @Override
    public boolean refill(long va, int access) {
        checkAccess(access);
        misses++;
        if (!walk(va, access)) {
            return false;
        }
        long ppn = walker.ppn;
        long perms = walker.perms;
        if (access == Access.WRITE && mem.isCode(ppn)) {
            mem.unmarkCode(ppn);
        }
        boolean writable = (perms & (Pte.W | Pte.D)) == (Pte.W | Pte.D) && !mem.isCode(ppn);
        tlb.install(va, (va >>> PhysicalMemory.PAGE_SHIFT) | asidTag, ppn, mem.frame(ppn),
                (perms & Pte.R) != 0, writable, (perms & Pte.X) != 0);
        return true;
    }

    /**
     * Translates {@code va} for {@code access} without touching the TLB
     * (A and D are still set in the PTE, as a hardware access would).
     * Returns the physical address or -1 on a page fault.
     */
    @Override
    public long translate(long va, int access) {
        checkAccess(access);
        if (!walk(va, access)) {
            return -1;
        }
        return (walker.ppn << PhysicalMemory.PAGE_SHIFT) | (va & PhysicalMemory.PAGE_MASK);
    }

    // One counted walk in the current mode; leaves the result in the walker.
    private boolean walk(long va, int access) {
        walks++;
        boolean ok = bare ? walker.walkBare(va) : walker.walkSv39(rootPpn, va, access);
        if (!ok) {
            faults++;
        }
        return ok;
    }

    // The caller must pass exactly one of Access.READ, WRITE, EXECUTE.
    private static void checkAccess(int access) {
        if (access != Access.READ && access != Access.WRITE && access != Access.EXECUTE) {
            throw new IllegalArgumentException("not a single access kind: " + access);
        }
    }

    @Override
    public void flushAll() {
        flushes++;
        tlb.clear();
    }

    /** Drops the Sv39 entries of {@code asid} (low 11 bits); Bare entries stay. */
    @Override
    public void flushAsid(int asid) {
        flushes++;
        tlb.dropSpace(sv39AsidTag(asid));
    }

    /** Drops the Sv39 entry of {@code va}'s page under {@code asid} (low 11 bits), if present. */
    @Override
    public void flushPage(long va, int asid) {
        flushes++;
        tlb.dropTag(va, (va >>> PhysicalMemory.PAGE_SHIFT) | sv39AsidTag(asid));
    }

    @Override
    public void revokeWrite(long ppn) {
        tlb.revokeWrite(ppn);
    }

    /** Adds {@code accesses} (not negative) fast-path accesses to the statistics. */
    @Override
    public void countAccesses(long accesses) {
        if (accesses < 0) {
            throw new IllegalArgumentException("negative access count: " + accesses);
        }
        countedAccesses += accesses;
    }

    @Override
    public TlbStatistics statistics() {
        return new TlbStatistics(countedAccesses + misses, misses, walks, faults, flushes);
    }

    private static long sv39AsidTag(int asid) {
        return (long) (asid & ASID_MASK) << ASID_TAG_SHIFT;
    }
}
