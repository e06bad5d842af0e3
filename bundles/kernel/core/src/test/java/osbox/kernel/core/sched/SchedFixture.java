package osbox.kernel.core.sched;

import java.util.List;
import osbox.api.hw.HartContext;
import osbox.api.trace.TraceKind;
import osbox.hw.memory.FrameStore;
import osbox.kernel.core.proc.Pcbs;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ProcessTable;
import osbox.testkit.hw.FakeHart;
import osbox.testkit.hw.FakeMachine;
import osbox.testkit.hw.FakeTimer;
import osbox.vm.manager.core.AsidAllocator;
import osbox.vm.manager.core.FrameAllocator;
import osbox.vm.manager.core.PagedAddressSpace;
import osbox.vm.manager.core.TlbShootdown;

/** A dispatcher over a fake machine, and processes with real (empty) address spaces. */
final class SchedFixture {
    static final long QUANTUM = 500;
    static final long WATCHDOG = 1L << 40;
    final FakeMachine machine;
    final FakeTimer timer;
    final Dispatcher<Process> d;
    final ProcessTable table = new ProcessTable();
    final FrameStore mem = new FrameStore(4L << 20);
    final FrameAllocator frames = new FrameAllocator(0, mem.frameCount());
    final AsidAllocator asids = new AsidAllocator();

    SchedFixture(int harts) {
        machine = new FakeMachine(harts);
        timer = new FakeTimer(harts);
        d = new Dispatcher<>(machine, timer, QUANTUM, WATCHDOG, 1);
    }

    FakeHart hart(int i) {
        return machine.hart(i);
    }

    /** The CONTEXT_SWITCH events traced so far, as "hart:from->to". */
    List<String> switches() {
        return machine.tracer().events(TraceKind.CONTEXT_SWITCH).stream()
                .map(e -> e.hart() + ":" + e.a() + "->" + e.b()).toList();
    }

    /** A new process named name with an empty address space, not yet ready. */
    Process process(String name) {
        Process p = table.create(0, name, List.of(name), machine.now());
        return Pcbs.withImage(p, new HartContext(), PagedAddressSpace.create(mem, frames, asids, TlbShootdown.NONE),
                null);
    }

    /** A new process named name, made ready at once: it runs if a hart is idle, else it waits its turn. */
    Process ready(String name) {
        Process p = process(name);
        d.makeReady(p);
        return p;
    }
}
