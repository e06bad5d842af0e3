package osbox.hw.mmu;

import osbox.api.hw.Access;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.Pte;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;

/**
 * One hart's MMU: satp, an Sv39 walker and a set-associative LRU TLB
 * ({@link TlbConfig}: size, ways, ASIDs or flush-on-switch, hardware or
 * software refill). Plain Java; build it directly in tests and non-OSGi
 * harnesses.
 *
 * <p>satp: modes Bare (0) and Sv39 (8) are implemented. A write with any
 * other mode is ignored (satp keeps its old value), as the privileged spec
 * requires. With ASIDs, ASIDLEN is 11: the upper five bits of the ASID field
 * read back as zero, and writing satp never flushes the TLB; entries of
 * other address spaces stay and hit again when their ASID comes back.
 * Without ASIDs (flush-on-switch), ASIDLEN is 0: the ASID field reads back
 * as zero, every Sv39 entry carries the same tag, and a satp write that
 * changes satp flushes the whole TLB (counted as a flush).
 *
 * <p>Fast-path tags are {@code (va >>> 12) | asidTag()} where asidTag is
 * {@code asid << 52} in Sv39 (0 without ASIDs) and {@code 1L << 63} in Bare
 * mode, so Bare and Sv39 entries never alias. A write tag is installed only
 * for a page whose PTE is writable and dirty (the walker sets D on a write
 * refill) and whose frame is not marked as code; a write refill to a code
 * frame first clears the mark through {@link PhysicalMemory#unmarkCode},
 * which tells the decode caches.
 *
 * <p>{@link #refill} first searches the other ways of the page's set; a
 * translation found there that permits the access is a hit (counted in
 * {@link TlbStatistics#setHits()}, not a miss and no walk) and moves to way 0.
 * Only then does a hardware-refilled unit walk and install, evicting the
 * set's least recently used way; a software-managed unit counts a miss and
 * returns false, and the CPU traps to the kernel, which calls
 * {@link #install}. Bare mode is identity-mapped by the hardware in both.
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
    private final SetAssociativeTlb tlb;
    private final Sv39Walker walker;
    private final boolean software;
    private boolean asids;

    private long satp;
    private boolean bare = true;
    private long rootPpn;
    private long asidTag = BARE_TAG;

    private long countedAccesses;
    private long refills;
    private long misses;
    private long walks;
    private long faults;
    private long flushes;
    private long setHits;
    private long installs;

    /**
     * Makes the unit of hart {@code hartId} over {@code mem}, with a
     * direct-mapped, ASID-tagged, hardware-refilled TLB of {@code tlbEntries}
     * entries (a power of two, 1 to 65536). Starts in Bare mode with an
     * empty TLB.
     */
    public Sv39TranslationUnit(int hartId, PhysicalMemory mem, int tlbEntries) {
        this(hartId, mem, TlbConfig.directMapped(tlbEntries));
    }

    /** Makes the unit of hart {@code hartId} over {@code mem} with the TLB {@code config} describes. */
    public Sv39TranslationUnit(int hartId, PhysicalMemory mem, TlbConfig config) {
        if (mem == null) {
            throw new IllegalArgumentException("physical memory is required");
        }
        if (config == null) {
            throw new IllegalArgumentException("a TLB configuration is required");
        }
        this.hartId = hartId;
        this.mem = mem;
        this.tlb = new SetAssociativeTlb(config.entries(), config.ways());
        this.walker = new Sv39Walker(mem);
        this.software = config.software();
        this.asids = config.asids();
    }

    @Override public int hartId() { return hartId; }
    @Override public long[] readTags() { return tlb.readTags; }
    @Override public long[] writeTags() { return tlb.writeTags; }
    @Override public long[] execTags() { return tlb.execTags; }
    @Override public byte[][] pages() { return tlb.pages; }
    @Override public long[] ppns() { return tlb.ppns; }
    @Override public int tlbMask() { return tlb.mask; }
    @Override public int tlbWays() { return tlb.ways; }
    @Override public long asidTag() { return asidTag; }
    @Override public long satp() { return satp; }
    @Override public boolean asids() { return asids; }
    @Override public boolean softwareManaged() { return software; }

    /** The mechanism this unit implements now (ASIDs may have been switched since construction). */
    public TlbConfig config() {
        return new TlbConfig(tlb.tags.length, tlb.ways, asids, software);
    }

    /**
     * Writes satp. Unsupported modes leave satp unchanged. With ASIDs the
     * ASID field keeps its low 11 bits and the TLB is not flushed; without,
     * the field reads as zero and a write that changes satp flushes the TLB.
     */
    @Override
    public void setSatp(long value) {
        int mode = (int) (value >>> SATP_MODE_SHIFT);
        if (mode != MODE_BARE && mode != MODE_SV39) {
            return;
        }
        long asid = asids ? (value >>> SATP_ASID_SHIFT) & ASID_MASK : 0;
        long old = satp;
        satp = (value & ~SATP_ASID_FIELD) | (asid << SATP_ASID_SHIFT);
        bare = mode == MODE_BARE;
        rootPpn = value & SATP_PPN_MASK;
        asidTag = bare ? BARE_TAG : asid << ASID_TAG_SHIFT;
        if (!asids && satp != old) {
            flushAll();
        }
    }

    /**
     * Switches between ASID-tagged entries and flush-on-switch at run time.
     * The TLB is flushed (counted) either way, since the tags change meaning;
     * the current satp's ASID field is kept when turning ASIDs on and cleared
     * when turning them off. The CPU reads {@link #asidTag()} when it starts a
     * run, so switch between runs (from the kernel), never during one.
     */
    public void setAsids(boolean on) {
        if (on == asids) {
            return;
        }
        asids = on;
        long value = satp;
        satp = ~0L;                                     // forces the flush below in flush-on-switch mode
        setSatp(value);
        if (asids) {
            flushAll();
        }
    }

    /**
     * Finds {@code va}'s translation in the TLB, else (hardware refill) walks
     * for it and installs its 4 KiB translation with every permission the PTE
     * grants (write only if dirty and not code). Returns false on a page
     * fault, leaving the TLB unchanged, or, software-managed and in Sv39
     * mode, on any miss (the CPU then raises a TLB-miss trap).
     */
    @Override
    public boolean refill(long va, int access) {
        checkAccess(access);
        refills++;
        long tag = (va >>> PhysicalMemory.PAGE_SHIFT) | asidTag;
        int w = tlb.findWay(va, tag);
        if (w >= 0) {
            int s = tlb.set(va);
            int i = w * tlb.sets + s;
            if (permitted(i, tag, access)) {
                tlb.promote(s, w);
                if (w > 0) {
                    setHits++;
                }
                return true;
            }
            if (access == Access.WRITE && tlb.writeGranted[i] && software && !bare) {
                // Write permitted but withheld because the frame held code:
                // the hardware clears the mark (telling the decode caches) and grants it.
                long ppn = tlb.ppns[i];
                if (mem.isCode(ppn)) {
                    mem.unmarkCode(ppn);
                }
                tlb.writeTags[i] = tag;
                tlb.promote(s, w);
                if (w > 0) {
                    setHits++;
                }
                return true;
            }
        }
        misses++;
        if (software && !bare) {
            return false;                               // no walker: the CPU traps to the kernel
        }
        if (!walk(va, access)) {
            return false;
        }
        long ppn = walker.ppn;
        long perms = walker.perms;
        if (access == Access.WRITE && mem.isCode(ppn)) {
            mem.unmarkCode(ppn);
        }
        boolean granted = (perms & (Pte.W | Pte.D)) == (Pte.W | Pte.D);
        tlb.install(va, tag, ppn, mem.frame(ppn), (perms & Pte.R) != 0, granted && !mem.isCode(ppn),
                (perms & Pte.X) != 0, granted);
        return true;
    }

    // Whether entry i (holding tag) permits the access on the fast path.
    private boolean permitted(int i, long tag, int access) {
        long[] tags = access == Access.READ ? tlb.readTags : access == Access.WRITE ? tlb.writeTags : tlb.execTags;
        return tags[i] == tag;
    }

    /**
     * Translates {@code va} for {@code access} without touching the TLB.
     * Hardware refill (or Bare mode): walks, setting A and D in the PTE as a
     * hardware access would. Software-managed in Sv39 mode: looks the page
     * up in the TLB only, never walks, and does not change the LRU order.
     * Returns the physical address or -1 on a page fault (or TLB miss).
     */
    @Override
    public long translate(long va, int access) {
        checkAccess(access);
        if (software && !bare) {
            long tag = (va >>> PhysicalMemory.PAGE_SHIFT) | asidTag;
            int w = tlb.findWay(va, tag);
            if (w < 0) {
                return -1;
            }
            int i = w * tlb.sets + tlb.set(va);
            if (!permitted(i, tag, access) && !(access == Access.WRITE && tlb.writeGranted[i])) {
                return -1;
            }
            return (tlb.ppns[i] << PhysicalMemory.PAGE_SHIFT) | (va & PhysicalMemory.PAGE_MASK);
        }
        if (!walk(va, access)) {
            return -1;
        }
        return (walker.ppn << PhysicalMemory.PAGE_SHIFT) | (va & PhysicalMemory.PAGE_MASK);
    }

    /**
     * Software-managed TLB only: installs the translation of {@code va}'s
     * page in address space {@code asid} (ignored without ASIDs) to frame
     * {@code ppn} in way 0 of its set, replacing the same page's entry or
     * else the first empty or the least recently used way. The write tag is
     * withheld while the frame holds code (the first write then clears the
     * mark without a trap). The entry is tagged as Sv39, so it serves only
     * while satp is in Sv39 mode.
     */
    @Override
    public void install(long va, int asid, long ppn, boolean read, boolean write, boolean exec) {
        if (!software) {
            throw new IllegalStateException(
                    "hart " + hartId + ": this TLB is refilled by hardware; install needs refill=software");
        }
        if (!Pte.isCanonical(va)) {
            throw new IllegalArgumentException("not a canonical Sv39 address: 0x" + Long.toHexString(va));
        }
        if (ppn < 0 || ppn >= mem.frameCount()) {
            throw new IllegalArgumentException("frame outside physical memory: ppn 0x" + Long.toHexString(ppn));
        }
        long tag = ((va >>> PhysicalMemory.PAGE_SHIFT) & ((1L << ASID_TAG_SHIFT) - 1))
                | (asids ? sv39AsidTag(asid) : 0);
        installs++;
        tlb.install(va, tag, ppn, mem.frame(ppn), read, write && !mem.isCode(ppn), exec, write);
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

    /**
     * Drops the Sv39 entries of {@code asid} (low 11 bits); Bare entries
     * stay. Without ASIDs every Sv39 entry is dropped, since entries do not
     * say which address space they belong to.
     */
    @Override
    public void flushAsid(int asid) {
        flushes++;
        if (asids) {
            tlb.dropSpace(sv39AsidTag(asid));
        } else {
            tlb.dropTranslated();
        }
    }

    /** Drops the Sv39 entry of {@code va}'s page under {@code asid} (low 11 bits; ignored without ASIDs), if present. */
    @Override
    public void flushPage(long va, int asid) {
        flushes++;
        tlb.dropTag(va, (va >>> PhysicalMemory.PAGE_SHIFT) | (asids ? sv39AsidTag(asid) : 0));
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
        return new TlbStatistics(countedAccesses + refills, misses, walks, faults, flushes, setHits, installs);
    }

    /** Valid TLB entries right now (for tests and reports). */
    public int validEntries() {
        return tlb.valid();
    }

    private static long sv39AsidTag(int asid) {
        return (long) (asid & ASID_MASK) << ASID_TAG_SHIFT;
    }
}
