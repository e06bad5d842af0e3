package osbox.kernel.core.sched;

import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.hw.TranslationUnit;

/** A hart whose clock and instret the test sets; never runs anything. */
public final class FakeHart implements Hart {
    private final int id;
    final FakeTranslationUnit mmu;
    private HartContext context;
    public long cycle;
    long instret;

    FakeHart(int id) {
        this.id = id;
        this.mmu = new FakeTranslationUnit(id);
    }

    /** Lets the process on it run for {@code cycles}, retiring {@code instructions}. */
    public void advance(long cycles, long instructions) {
        cycle += cycles;
        instret += instructions;
    }

    @Override public int id() { return id; }
    @Override public TranslationUnit mmu() { return mmu; }
    @Override public void setContext(HartContext context) { this.context = context; }
    @Override public HartContext context() { return context; }
    @Override public int run(long untilCycle) { throw new UnsupportedOperationException(); }
    @Override public long trapValue() { return 0; }
    @Override public long cycle() { return cycle; }
    @Override public void addCycles(long cycles) { cycle += cycles; }
    @Override public long instret() { return instret; }
    @Override public long idleCycles() { return 0; }
    @Override public void flushDecodeCache() { }
}
