package osbox.kernel.core.sched;

import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;

/** Records satp writes and ASID flushes. */
public final class FakeTranslationUnit implements TranslationUnit {
    private final int hart;
    private long satp;
    final List<Long> satpWrites = new ArrayList<>();
    final List<Integer> asidFlushes = new ArrayList<>();

    FakeTranslationUnit(int hart) {
        this.hart = hart;
    }

    @Override public int hartId() { return hart; }
    @Override public long[] readTags() { return new long[1]; }
    @Override public long[] writeTags() { return new long[1]; }
    @Override public long[] execTags() { return new long[1]; }
    @Override public byte[][] pages() { return new byte[1][]; }
    @Override public long[] ppns() { return new long[1]; }
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
    @Override public void flushAll() { }
    @Override public void flushAsid(int asid) { asidFlushes.add(asid); }
    @Override public void flushPage(long va, int asid) { }
    @Override public void revokeWrite(long ppn) { }
    @Override public void countAccesses(long accesses) { }
    @Override public TlbStatistics statistics() { return new TlbStatistics(0, 0, 0, 0, 0); }
}
