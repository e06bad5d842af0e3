package osbox.hw.machine;

import java.util.List;
import osbox.api.hw.TlbStatistics;
import osbox.testkit.hw.FakeCpu;
import osbox.testkit.hw.FakeHart;
import osbox.testkit.hw.FakeInterruptController;
import osbox.testkit.hw.FakeMmu;

/** Builds SimulatedMachines from fake harts that run by script (no memory: the fakes never touch it). */
final class TestMachines {
    final FakeCpu cpu = new FakeCpu();
    final FakeMmu mmu = new FakeMmu();
    final FakeInterruptController intc = new FakeInterruptController();

    /** Each hart's TLB reports these statistics (set before {@link #build}). */
    void tlbPerHart(TlbStatistics statistics) {
        mmu.setStatistics(statistics);
    }

    SimulatedMachine build(SimulatedMachine.Settings s) {
        return new SimulatedMachine(s, null, cpu, mmu, intc);
    }

    /** The harts built so far, in order. */
    List<FakeHart> harts() {
        return cpu.harts();
    }

    static SimulatedMachine.Settings settings(int harts, long slice, long trapCycles) {
        return new SimulatedMachine.Settings(harts, 1_000_000_000L, slice, trapCycles, 1000);
    }
}
