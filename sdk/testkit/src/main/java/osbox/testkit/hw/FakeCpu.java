package osbox.testkit.hw;

import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.Cpu;
import osbox.api.hw.Hart;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/**
 * A CPU model whose harts are {@link FakeHart}s, over the units a
 * {@link FakeMmu} makes; for building a real machine model over fakes.
 * Keeps the harts it made.
 */
public final class FakeCpu implements Cpu {
    private final List<FakeHart> harts = new ArrayList<>();

    /** Makes hart {@code id} over {@code mmu}, which must be a {@link FakeTranslationUnit}. */
    @Override
    public Hart createHart(int id, TranslationUnit mmu, PhysicalMemory memory) {
        if (!(mmu instanceof FakeTranslationUnit unit)) {
            throw new IllegalArgumentException("FakeCpu makes harts over FakeMmu's units, not " + mmu);
        }
        FakeHart h = new FakeHart(id, unit);
        harts.add(h);
        return h;
    }

    /** The harts made so far, in order. */
    public List<FakeHart> harts() {
        return harts;
    }

    @Override
    public String isa() {
        return "fake";
    }
}
