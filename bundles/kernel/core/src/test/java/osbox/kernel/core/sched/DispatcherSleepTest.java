package osbox.kernel.core.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static osbox.kernel.core.sched.SchedFixture.QUANTUM;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessState;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.proc.Process;
import osbox.testkit.hw.FakeHart;

/** sleepOn / wakeAll, sleepUntil, wake. */
class DispatcherSleepTest {
    private final SchedFixture f = new SchedFixture(1);
    private final FakeHart h = f.hart(0);
    private final KernelWaitQueue<Process> q = f.d.newWaitQueue("input");

    @Test
    void queueHasItsName() {
        assertEquals("input", q.name());
        assertEquals(0, q.size());
        assertEquals(0, q.wakeAll());
    }

    @Test
    void sleepOnBlocksAndRunsTheNext() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        h.advance(200, 100);

        f.d.sleepOn(h, a, q);

        assertEquals(ProcessState.BLOCKED, a.state());
        assertSame(q, a.sched().sleepingOn);
        assertEquals(1, q.size());
        assertEquals(1, a.sched().voluntarySwitches);
        assertEquals(200, a.sched().cpuCycles);
        assertEquals(100, a.sched().instructions);
        assertEquals(-1, a.sched().hart);
        assertSame(b, f.d.current(0));
        assertEquals(List.of("0:0->1", "0:1->2"), f.switches());
    }

    @Test
    void sleepOnWithNobodyElseIdlesTheHartWithoutATimer() {
        Process a = f.ready("a");
        f.d.sleepOn(h, a, q);
        assertNull(f.d.current(0));
        assertNull(h.context());
        assertEquals(-1, f.timer.deadline(0), "tickless when idle");
        TraceEvent last = f.machine.tracer().last();
        assertEquals(new TraceEvent(0, TraceKind.CONTEXT_SWITCH, 0, 0, a.pid(), 0, null), last);
    }

    @Test
    void wakeAllMakesSleepersReadyInFifoOrder() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        Process c = f.ready("c");
        f.d.sleepOn(h, a, q); // b runs
        f.d.sleepOn(h, b, q); // c runs
        assertEquals(2, q.size());

        assertEquals(2, q.wakeAll());

        assertEquals(0, q.size());
        for (Process p : List.of(a, b)) {
            assertEquals(ProcessState.READY, p.state());
            assertTrue(p.sched().woken);
            assertNull(p.sched().sleepingOn);
        }
        assertEquals(2, f.d.readyCount());
        h.advance(QUANTUM, 1);
        f.d.tick(h);
        assertSame(a, f.d.current(0));
        h.advance(QUANTUM, 1);
        f.d.tick(h);
        assertSame(b, f.d.current(0));
    }

    @Test
    void wakeAllOnAnIdleHartDispatchesAtOnce() {
        Process a = f.ready("a");
        h.advance(300, 1);
        f.d.sleepOn(h, a, q);
        h.advance(1000, 0);
        assertEquals(1, q.wakeAll());
        assertSame(a, f.d.current(0));
        assertEquals(ProcessState.RUNNING, a.state());
        assertEquals(1300 + SchedFixture.QUANTUM, f.timer.deadline(0));
        assertEquals(List.of("0:0->1", "0:1->0", "0:0->1"), f.switches());
    }

    @Test
    void wakeAllSkipsRetiredSleepers() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        f.d.sleepOn(h, a, q);
        f.d.retire(a);
        assertEquals(0, q.size());
        assertEquals(0, q.wakeAll());
        assertEquals(ProcessState.BLOCKED, a.state());
    }

    @Test
    void sleepUntilWakesAtTheDeadline() {
        Process a = f.ready("a");
        h.setCounters(1000, h.instret());
        f.d.sleepUntil(h, a, 5000);

        assertEquals(ProcessState.BLOCKED, a.state());
        assertNotEquals(0, a.sched().sleepEvent);
        assertEquals(1, f.machine.events().size());
        assertEquals(5000, f.machine.events().nextTime());
        assertNull(f.d.current(0));
        assertEquals(1, a.sched().voluntarySwitches);

        f.machine.advanceTo(4999);
        assertEquals(ProcessState.BLOCKED, a.state());
        h.setCounters(5000, h.instret());
        f.machine.advanceTo(5000);

        assertEquals(ProcessState.RUNNING, a.state());
        assertSame(a, f.d.current(0));
        assertTrue(a.sched().woken);
        assertEquals(0, a.sched().sleepEvent);
        assertEquals(0, f.machine.events().size());
    }

    @Test
    void wakeBeforeTheDeadlineCancelsTheTimedEvent() {
        Process a = f.ready("a");
        f.d.sleepUntil(h, a, 5000);
        f.d.wake(a);
        assertEquals(0, a.sched().sleepEvent);
        assertEquals(0, f.machine.events().size());
        assertSame(a, f.d.current(0));
    }

    @Test
    void wakeOfAProcessThatIsNotBlockedIsANoOp() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        f.d.wake(b);
        f.d.wake(a);
        assertEquals(1, f.d.readyCount());
        assertFalse(a.sched().woken);
        assertFalse(b.sched().woken);
        assertSame(a, f.d.current(0));
    }

    @Test
    void sleeperOnTwoHartsWakesOnTheIdleOne() {
        SchedFixture two = new SchedFixture(2);
        KernelWaitQueue<Process> queue = two.d.newWaitQueue("q");
        Process a = two.ready("a");
        Process b = two.ready("b");
        two.d.sleepOn(two.hart(1), b, queue);
        assertNull(two.d.current(1));
        queue.wakeAll();
        assertSame(b, two.d.current(1));
        assertSame(a, two.d.current(0));
    }
}
