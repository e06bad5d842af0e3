package osbox.hw.machine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.HartContext;
import osbox.api.hw.Hart;
import osbox.api.hw.TranslationUnit;
import osbox.api.hw.TrapCause;

/**
 * A hart for tests: run() advances the cycle counter to the budget, or stops
 * at the next scripted trap if that comes earlier. Records every run call.
 */
final class ScriptedHart implements Hart {
    record Trap(long at, int cause, long tval) {
    }

    /** One call of run: the cycle it started at and the budget it got. */
    record Run(long from, long until) {
    }

    private final int id;
    private final TranslationUnit mmu;
    private final ArrayDeque<Trap> script = new ArrayDeque<>();
    final List<Run> runs = new ArrayList<>();
    private HartContext context;
    private long cycle;
    private long instret;
    private long idle;
    private long tval;

    ScriptedHart(int id, TranslationUnit mmu) {
        this.id = id;
        this.mmu = mmu;
    }

    /** Traps with cause at absolute cycle at (when the hart is busy and reaches it). */
    ScriptedHart trapAt(long at, int cause, long tval) {
        script.add(new Trap(at, cause, tval));
        return this;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public TranslationUnit mmu() {
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
