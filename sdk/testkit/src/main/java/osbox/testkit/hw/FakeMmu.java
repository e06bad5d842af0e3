package osbox.testkit.hw;

import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;

/** An MMU model whose units are {@link FakeTranslationUnit}s reporting the statistics the test sets. */
public final class FakeMmu implements Mmu {
    private TlbStatistics statistics = new TlbStatistics(0, 0, 0, 0, 0);

    /** What the units made from now on report. */
    public void setStatistics(TlbStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public TranslationUnit createUnit(int hartId, PhysicalMemory memory) {
        return new FakeTranslationUnit(hartId, statistics);
    }

    @Override
    public String describe() {
        return "fake";
    }
}
