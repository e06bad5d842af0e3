package osbox.testkit.hw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.Hart;
import osbox.api.hw.HartContext;
import osbox.api.hw.TrapCause;

/**
 * A hart that executes nothing: its clock and retired-instruction count are
 * what the test makes them ({@link #advance}, {@link #setCounters}), and
 * {@link #run} moves the clock to the budget (idle without a context,
 * retiring one instruction per cycle with one) or stops at the next trap the
 * test scripted ({@link #trapAt}). Every run call is recorded.
 */
public final class FakeHart implements Hart {
    /** A scripted trap: at cycle {@code at}, cause and trap value. */
    public record Trap(long at, int cause, long tval) {
    }

    /** One call of run: the cycle it started at and the budget it got. */
    public record Run(long from, long until) {
    }

    private final int id;
    private final FakeTranslationUnit mmu;
    private final ArrayDeque<Trap> script = new ArrayDeque<>();
    private final List<Run> runs = new ArrayList<>();
    private HartContext context;
    private long cycle;
    private long instret;
    private long idle;
    private long tval;

    /** Hart {@code id} with a translation unit of its own. */
    public FakeHart(int id) {
        this(id, new FakeTranslationUnit(id));
    }

    /** Hart {@code id} over {@code mmu}. */
    public FakeHart(int id, FakeTranslationUnit mmu) {
        this.id = id;
        this.mmu = mmu;
    }

    /** Lets whatever is on it run for {@code cycles}, retiring {@code instructions}. */
    public void advance(long cycles, long instructions) {
        cycle += cycles;
        instret += instructions;
    }

    /** Sets the clock and the retired-instruction count. */
    public void setCounters(long cycle, long instret) {
        this.cycle = cycle;
        this.instret = instret;
    }

    /** Makes a later {@link #run} stop with {@code cause} at cycle {@code at} (when busy and it gets there). */
    public FakeHart trapAt(long at, int cause, long tval) {
        script.add(new Trap(at, cause, tval));
        return this;
    }

    /** Every run call so far, in order. */
    public List<Run> runs() {
        return runs;
    }

    @Override
    public int id() {
        return id;
    }

    /** Its translation unit (what the kernel wrote to it). */
    @Override
    public FakeTranslationUnit mmu() {
        return mmu;
    }

    @Override
    public void setContext(HartContext context) {
        this.context = context;
    }

    @Override
    public HartContext context() {
        return context;
    }

    /**
     * Runs to {@code untilCycle}: idle without a context; with one, retires
     * one instruction per cycle and stops early at the next scripted trap
     * before the budget (returning its cause, the clock at the trap).
     */
    @Override
    public int run(long untilCycle) {
        runs.add(new Run(cycle, untilCycle));
        if (untilCycle <= cycle) {
            return TrapCause.NONE;
        }
        if (context == null) {
            idle += untilCycle - cycle;
            cycle = untilCycle;
            return TrapCause.NONE;
        }
        Trap t = script.peek();
        if (t != null && t.at() < untilCycle) {
            script.poll();
            long at = Math.max(t.at(), cycle);
            instret += at - cycle;
            cycle = at;
            tval = t.tval();
            return t.cause();
        }
        instret += untilCycle - cycle;
        cycle = untilCycle;
        return TrapCause.NONE;
    }

    @Override
    public long trapValue() {
        return tval;
    }

    @Override
    public long cycle() {
        return cycle;
    }

    @Override
    public void addCycles(long cycles) {
        cycle += cycles;
    }

    @Override
    public long instret() {
        return instret;
    }

    @Override
    public long idleCycles() {
        return idle;
    }

    @Override
    public void flushDecodeCache() {
    }
}
