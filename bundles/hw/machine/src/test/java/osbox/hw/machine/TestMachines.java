package osbox.hw.machine;

import java.util.ArrayList;
import java.util.List;
import osbox.api.hw.Cpu;
import osbox.api.hw.Hart;
import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TranslationUnit;

/** Builds SimulatedMachines from scripted harts (no memory: the fakes never touch it). */
final class TestMachines {
    final List<ScriptedHart> harts = new ArrayList<>();
    final FakeIntc intc = new FakeIntc();
    TlbStatistics tlbPerHart = new TlbStatistics(0, 0, 0, 0, 0);

    SimulatedMachine build(SimulatedMachine.Settings s) {
        Cpu cpu = new Cpu() {
            @Override
            public Hart createHart(int id, TranslationUnit mmu, PhysicalMemory memory) {
                ScriptedHart h = new ScriptedHart(id, mmu);
                harts.add(h);
                return h;
            }

            @Override
            public String isa() {
                return "test";
            }
        };
        Mmu mmu = new Mmu() {
            @Override
            public TranslationUnit createUnit(int hartId, PhysicalMemory memory) {
                return new StubTranslationUnit(hartId, tlbPerHart);
            }

            @Override
            public String describe() {
                return "stub";
            }
        };
        return new SimulatedMachine(s, null, cpu, mmu, intc);
    }

    static SimulatedMachine.Settings settings(int harts, long slice, long trapCycles) {
        return new SimulatedMachine.Settings(harts, 1_000_000_000L, slice, trapCycles, 1000);
    }
}
