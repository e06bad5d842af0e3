package osbox.testkit.hw;

import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;

/**
 * A translation unit that translates nothing (every TLB tag is invalid,
 * {@link #refill} fails, {@link #translate} answers -1) and records what the
 * kernel tells it: satp writes, flushes and (software-managed) installs.
 * Its statistics are whatever the test sets (zeros at first).
 */
public final class FakeTranslationUnit implements TranslationUnit {
    /** One page flush: the virtual address and the ASID. */
    public record PageFlush(long va, int asid) {
    }

    /** One software TLB install: the page, the ASID, the frame and the permissions. */
    public record Install(long va, int asid, long ppn, boolean read, boolean write, boolean exec) {
        /** As "va/asid->ppn rwx" (va in hex, '-' for a permission not given). */
        @Override
        public String toString() {
            return String.format("%x/%d->%d %s%s%s", va, asid, ppn, read ? "r" : "-", write ? "w" : "-",
                    exec ? "x" : "-");
        }
    }

    private final int hart;
    // one TLB entry, never valid (a tag of -1 matches no address); the same arrays for the unit's life
    private final long[] readTags = {-1};
    private final long[] writeTags = {-1};
    private final long[] execTags = {-1};
    private final byte[][] pages = new byte[1][];
    private final long[] ppns = new long[1];
    private long satp;
    private TlbStatistics statistics = new TlbStatistics(0, 0, 0, 0, 0);
    private final List<Long> satpWrites = new ArrayList<>();
    private final List<Integer> asidFlushes = new ArrayList<>();
    private final List<PageFlush> pageFlushes = new ArrayList<>();
    private final List<Long> writeRevocations = new ArrayList<>();
    private final List<Install> installs = new ArrayList<>();
    private int fullFlushes;
    private boolean softwareManaged;

    /** The unit of hart {@code hart}. */
    public FakeTranslationUnit(int hart) {
        this.hart = hart;
    }

    /** The unit of hart {@code hart}, reporting {@code statistics}. */
    public FakeTranslationUnit(int hart, TlbStatistics statistics) {
        this(hart);
        this.statistics = statistics;
    }

    /** Every satp value written, in order. */
    public List<Long> satpWrites() {
        return satpWrites;
    }

    /** Every ASID flushed, in order. */
    public List<Integer> asidFlushes() {
        return asidFlushes;
    }

    /** Every page flushed, in order. */
    public List<PageFlush> pageFlushes() {
        return pageFlushes;
    }

    /** Every frame whose write permission was revoked, in order. */
    public List<Long> writeRevocations() {
        return writeRevocations;
    }

    /** How many times the whole TLB was flushed. */
    public int fullFlushes() {
        return fullFlushes;
    }

    /** Every software TLB install, in order. */
    public List<Install> installs() {
        return installs;
    }

    /** Makes it a software-managed TLB ({@link #softwareManaged}), which takes {@link #install}s. */
    public void setSoftwareManaged(boolean softwareManaged) {
        this.softwareManaged = softwareManaged;
    }

    /** What {@link #statistics} answers from now on. */
    public void setStatistics(TlbStatistics statistics) {
        this.statistics = statistics;
    }

    @Override public int hartId() { return hart; }
    @Override public long[] readTags() { return readTags; }
    @Override public long[] writeTags() { return writeTags; }
    @Override public long[] execTags() { return execTags; }
    @Override public byte[][] pages() { return pages; }
    @Override public long[] ppns() { return ppns; }
    @Override public int tlbMask() { return 0; }
    @Override public long asidTag() { return 0; }

    @Override
    public void setSatp(long satp) {
        this.satp = satp;
        satpWrites.add(satp);
    }

    @Override public long satp() { return satp; }
    @Override public boolean refill(long va, int access) { return false; }
    @Override public long translate(long va, int access) { return -1; }
    @Override public void flushAll() { fullFlushes++; }
    @Override public void flushAsid(int asid) { asidFlushes.add(asid); }
    @Override public void flushPage(long va, int asid) { pageFlushes.add(new PageFlush(va, asid)); }
    @Override public void revokeWrite(long ppn) { writeRevocations.add(ppn); }
    @Override public void countAccesses(long accesses) { }
    @Override public TlbStatistics statistics() { return statistics; }
    @Override public boolean softwareManaged() { return softwareManaged; }

    /** Records the install; refused, as by hardware refill, unless it is software-managed. */
    @Override
    public void install(long va, int asid, long ppn, boolean read, boolean write, boolean exec) {
        if (!softwareManaged) {
            throw new IllegalStateException("install in a hardware-refilled TLB");
        }
        installs.add(new Install(va, asid, ppn, read, write, exec));
    }
}
