package osbox.hw.cpu;

import java.util.Arrays;
import java.util.TreeSet;
import osbox.api.hw.Access;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;

/**
 * Test-only bare-mode translation unit: virtual = physical, a direct-mapped
 * fast-path TLB as the {@link TranslationUnit} contract describes, and sets of
 * virtual page numbers that are unmapped, read-only or not executable, to
 * produce page faults. Follows the code-frame rule: a WRITE refill of a code
 * frame unmarks it (telling the CPU's decode cache) before installing the
 * write tag; READ and EXECUTE refills never install a write tag.
 */
final class BareTranslationUnit implements TranslationUnit {
    private static final long INVALID = -1;

    final PhysicalMemory memory;
    final TreeSet<Long> unmapped = new TreeSet<>();
    final TreeSet<Long> readOnly = new TreeSet<>();
    final TreeSet<Long> noExec = new TreeSet<>();
    private final int entries;
    private final long[] readTags;
    private final long[] writeTags;
    private final long[] execTags;
    private final long[] ppns;
    private final byte[][] pages;
    private final long[] entryTag;
    private long asidTag;
    private long satp;
    long accesses;
    long refills;
    long faults;
    long flushes;
    long revokes;

    BareTranslationUnit(PhysicalMemory memory, int entries) {
        if (Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("entries must be a power of two");
        }
        this.memory = memory;
        this.entries = entries;
        readTags = filled(entries);
        writeTags = filled(entries);
        execTags = filled(entries);
        entryTag = filled(entries);
        ppns = new long[entries];
        pages = new byte[entries][];
    }

    private static long[] filled(int n) {
        long[] a = new long[n];
        Arrays.fill(a, INVALID);
        return a;
    }

    /** Sets the tag OR-ed into every fast-path tag (as an ASID would). */
    void setAsidTag(long tag) {
        asidTag = tag;
        flushAll();
    }

    private boolean permits(long va, int access) {
        if (va < 0 || va >= memory.size()) {
            return false;
        }
        long vpn = va >>> 12;
        if (unmapped.contains(vpn)) {
            return false;
        }
        if (access == Access.WRITE && readOnly.contains(vpn)) {
            return false;
        }
        return access != Access.EXECUTE || !noExec.contains(vpn);
    }

    @Override public int hartId() { return 0; }
    @Override public long[] readTags() { return readTags; }
    @Override public long[] writeTags() { return writeTags; }
    @Override public long[] execTags() { return execTags; }
    @Override public byte[][] pages() { return pages; }
    @Override public long[] ppns() { return ppns; }
    @Override public int tlbMask() { return entries - 1; }
    @Override public long asidTag() { return asidTag; }
    @Override public void setSatp(long satp) { this.satp = satp; }
    @Override public long satp() { return satp; }

    @Override
    public boolean refill(long va, int access) {
        refills++;
        accesses++;
        if (!permits(va, access)) {
            faults++;
            return false;
        }
        long vpn = va >>> 12;
        int i = (int) vpn & (entries - 1);
        long tag = vpn | asidTag;
        if (entryTag[i] != tag) {
            readTags[i] = INVALID;
            writeTags[i] = INVALID;
            execTags[i] = INVALID;
            entryTag[i] = tag;
        }
        pages[i] = memory.frame(vpn);
        ppns[i] = vpn;
        if (access == Access.EXECUTE) {
            execTags[i] = tag;
        } else if (access == Access.READ) {
            readTags[i] = tag;
        } else {
            if (memory.isCode(vpn)) {
                memory.unmarkCode(vpn);
            }
            readTags[i] = tag;
            writeTags[i] = tag;
        }
        return true;
    }

    @Override
    public long translate(long va, int access) {
        accesses++;
        return permits(va, access) ? va : -1;
    }

    @Override
    public void flushAll() {
        flushes++;
        Arrays.fill(readTags, INVALID);
        Arrays.fill(writeTags, INVALID);
        Arrays.fill(execTags, INVALID);
        Arrays.fill(entryTag, INVALID);
    }

    @Override
    public void flushAsid(int asid) {
        flushAll();
    }

    @Override
    public void flushPage(long va, int asid) {
        flushAll();
    }

    @Override
    public void revokeWrite(long ppn) {
        revokes++;
        for (int i = 0; i < entries; i++) {
            if (ppns[i] == ppn) {
                writeTags[i] = INVALID;
            }
        }
    }

    @Override
    public void countAccesses(long n) {
        accesses += n;
    }

    @Override
    public TlbStatistics statistics() {
        return new TlbStatistics(accesses, refills, refills, faults, flushes);
    }
}
