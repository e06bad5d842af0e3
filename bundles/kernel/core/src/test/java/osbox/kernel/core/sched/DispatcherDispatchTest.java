package osbox.kernel.core.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static osbox.kernel.core.sched.SchedFixture.QUANTUM;
import static osbox.kernel.core.sched.SchedFixture.WATCHDOG;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessState;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.proc.Process;
import osbox.testkit.hw.FakeMachine;
import osbox.testkit.hw.FakeTimer;
import osbox.vm.manager.core.AsidAllocator;

/** makeReady and dispatch onto idle harts. */
class DispatcherDispatchTest {
    @Test
    void makeReadyDispatchesOnAnIdleHart() {
        SchedFixture f = new SchedFixture(1);
        f.hart(0).setCounters(1000, 77);
        Process p = f.process("a");

        f.d.makeReady(p);

        assertSame(p, f.d.current(0));
        assertEquals(ProcessState.RUNNING, p.state());
        assertEquals(0, p.sched().hart);
        assertSame(p.context(), f.hart(0).context());
        assertEquals(List.of(p.space().satp()), f.hart(0).mmu().satpWrites());
        assertTrue(f.hart(0).mmu().asidFlushes().isEmpty(), "a private ASID needs no flush");
        assertEquals(1000 + QUANTUM, f.timer.deadline(0));
        assertEquals(1000, p.firstRunAt());
        assertEquals(1000, p.sched().dispatchedCycle);
        assertEquals(77, p.sched().dispatchedInstret);
        assertEquals(1, f.d.contextSwitches());
        assertEquals(0, f.d.readyCount());
        assertEquals(List.of(new TraceEvent(0, TraceKind.CONTEXT_SWITCH, 0, p.pid(), 0, p.pid(), null)),
                f.machine.tracer().events());
    }

    @Test
    void processesSpreadOverIdleHartsInOrder() {
        SchedFixture f = new SchedFixture(2);
        Process a = f.ready("a");
        Process b = f.ready("b");
        Process c = f.ready("c");
        assertSame(a, f.d.current(0));
        assertSame(b, f.d.current(1));
        assertEquals(ProcessState.READY, c.state());
        assertEquals(-1, c.sched().hart);
        assertEquals(1, f.d.readyCount());
        assertEquals(List.of("0:0->1", "1:0->2"), f.switches());
        assertEquals(List.of(b.space().satp()), f.hart(1).mmu().satpWrites());
        assertEquals(2, f.d.contextSwitches());
    }

    @Test
    void readyProcessWaitsWhenEveryHartIsBusy() {
        SchedFixture f = new SchedFixture(1);
        Process a = f.process("a");
        Process b = f.process("b");
        f.d.makeReady(a);
        f.timer.log().clear();
        f.d.makeReady(b);
        assertSame(a, f.d.current(0));
        assertEquals(ProcessState.READY, b.state());
        assertEquals(-1, b.firstRunAt());
        assertTrue(f.timer.log().isEmpty(), "the running process's quantum is left alone");
        assertEquals(1, f.switches().size());
    }

    @Test
    void idleHartHasNoCurrentProcess() {
        SchedFixture f = new SchedFixture(2);
        assertNull(f.d.current(0));
        assertNull(f.d.current(1));
        assertEquals(0, f.d.readyCount());
        assertEquals(QUANTUM, f.d.quantum());
    }

    @Test
    void sharedAsidSpaceIsFlushedOnEverySwitchIn() {
        SchedFixture f = new SchedFixture(1);
        for (int i = 0; i < 2047; i++) {
            f.asids.allocate();
        }
        Process p = f.process("shared");
        assertEquals(AsidAllocator.SHARED, p.space().asid());
        f.d.makeReady(p);
        assertEquals(List.of(AsidAllocator.SHARED), f.hart(0).mmu().asidFlushes());
    }

    @Test
    void quantumMustBePositive() {
        FakeMachine m = new FakeMachine(1);
        assertThrows(IllegalArgumentException.class, () -> new Dispatcher(m, new FakeTimer(1), 0, WATCHDOG, 1));
    }

    @Test
    void makeReadyOfAZombieThrows() {
        SchedFixture f = new SchedFixture(1);
        Process p = f.process("z");
        f.table.zombify(p, 0, null, 0);
        assertThrows(IllegalStateException.class, () -> f.d.makeReady(p));
        assertNull(f.d.current(0));
    }
}
