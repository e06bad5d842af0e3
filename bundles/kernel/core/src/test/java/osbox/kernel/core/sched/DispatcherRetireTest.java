package osbox.kernel.core.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static osbox.kernel.core.sched.SchedFixture.QUANTUM;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessState;
import osbox.kernel.core.proc.Process;
import osbox.testkit.hw.FakeHart;

/** retire: a process leaves its hart and every queue. */
class DispatcherRetireTest {
    private final SchedFixture f = new SchedFixture(1);
    private final FakeHart h = f.hart(0);

    @Test
    void retiringTheRunningProcessRunsTheNext() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        h.advance(123, 45);
        f.d.retire(a);
        assertSame(b, f.d.current(0));
        assertEquals(-1, a.sched().hart);
        assertEquals(123, a.sched().cpuCycles);
        assertEquals(45, a.sched().instructions);
        assertEquals(1, a.sched().voluntarySwitches);
        assertEquals(0, f.d.readyCount());
        assertEquals(List.of("0:0->1", "0:1->2"), f.switches());
    }

    @Test
    void retiringTheOnlyProcessIdlesTheHart() {
        Process a = f.ready("a");
        f.d.retire(a);
        assertNull(f.d.current(0));
        assertNull(h.context());
        assertEquals(-1, f.timer.deadline(0));
        assertEquals(List.of("0:0->1", "0:1->0"), f.switches());
    }

    @Test
    void retiringAReadyProcessTakesItOffTheRunQueue() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        Process c = f.ready("c");
        f.d.retire(b);
        assertEquals(1, f.d.readyCount());
        h.advance(QUANTUM, 1);
        f.d.tick(h);
        assertSame(c, f.d.current(0));
        h.advance(QUANTUM, 1);
        f.d.tick(h);
        assertSame(a, f.d.current(0));
        assertEquals(-1, b.firstRunAt(), "b never ran");
    }

    @Test
    void retiringASleeperTakesItOffItsWaitQueue() {
        KernelWaitQueue<Process> q = f.d.newWaitQueue("q");
        Process a = f.ready("a");
        f.d.sleepOn(h, a, q);
        f.d.retire(a);
        assertEquals(0, q.size());
        assertNull(a.sched().sleepingOn);
    }

    @Test
    void retiringATimedSleeperCancelsItsEvent() {
        Process a = f.ready("a");
        f.d.sleepUntil(h, a, 10_000);
        f.d.retire(a);
        assertEquals(0, a.sched().sleepEvent);
        assertEquals(0, f.machine.events().size());
        f.machine.advanceTo(20_000);
        assertEquals(ProcessState.BLOCKED, a.state(), "never woken");
        assertNull(f.d.current(0));
    }

    @Test
    void retireThenZombifyIsTheExitPath() {
        Process a = f.ready("a");
        f.d.retire(a);
        f.table.zombify(a, 0, null, 0);
        f.table.remove(a);
        assertNull(f.table.get(a.pid()));
        assertNull(f.d.current(0));
    }
}
