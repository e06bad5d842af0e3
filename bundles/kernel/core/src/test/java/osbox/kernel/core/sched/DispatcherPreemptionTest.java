package osbox.kernel.core.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static osbox.kernel.core.sched.SchedFixture.QUANTUM;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessState;
import osbox.kernel.core.proc.Process;
import osbox.testkit.hw.FakeHart;

/** Timer ticks, round robin, yield and the accounting of a switch. */
class DispatcherPreemptionTest {
    private final SchedFixture f = new SchedFixture(1);
    private final FakeHart h = f.hart(0);

    @Test
    void tickWithNobodyWaitingGrantsANewQuantum() {
        Process a = f.ready("a");
        h.advance(QUANTUM, 300);
        f.timer.log().clear();

        f.d.tick(h);

        assertSame(a, f.d.current(0));
        assertEquals(ProcessState.RUNNING, a.state());
        assertEquals(List.of("cancel 0", "program 0 @" + (2 * QUANTUM)), f.timer.log());
        assertEquals(0, a.sched().involuntarySwitches);
        assertEquals(1, f.switches().size(), "no switch traced");
        assertEquals(1, f.d.contextSwitches());
        assertSame(a.context(), h.context());
    }

    @Test
    void tickPreemptsInRoundRobinOrder() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        Process c = f.ready("c");
        List<Integer> ran = new ArrayList<>();
        ran.add(f.d.current(0).pid());
        for (int i = 0; i < 6; i++) {
            h.advance(QUANTUM, 1);
            f.d.tick(h);
            ran.add(f.d.current(0).pid());
        }
        assertEquals(List.of(1, 2, 3, 1, 2, 3, 1), ran);
        assertEquals(List.of("0:0->1", "0:1->2", "0:2->3", "0:3->1", "0:1->2", "0:2->3", "0:3->1"),
                f.switches());
        assertEquals(2, a.sched().involuntarySwitches);
        assertEquals(2, b.sched().involuntarySwitches);
        assertEquals(2, c.sched().involuntarySwitches);
        assertEquals(0, a.sched().voluntarySwitches);
        assertEquals(7, f.d.contextSwitches());
    }

    @Test
    void preemptedProcessIsReadyAndTheNextGetsAFreshQuantum() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        h.advance(QUANTUM, 10);
        f.d.tick(h);
        assertEquals(ProcessState.READY, a.state());
        assertEquals(-1, a.sched().hart);
        assertEquals(ProcessState.RUNNING, b.state());
        assertEquals(0, b.sched().hart);
        assertSame(b.context(), h.context());
        assertEquals(b.space().satp(), h.mmu().satp());
        assertEquals(2 * QUANTUM, f.timer.deadline(0));
        assertEquals(1, f.d.readyCount());
    }

    @Test
    void cpuCyclesAndInstructionsAreChargedPerRun() {
        h.setCounters(1000, 50);
        Process a = f.ready("a");
        Process b = f.ready("b");
        h.advance(600, 400);
        f.d.tick(h);
        assertEquals(600, a.sched().cpuCycles);
        assertEquals(400, a.sched().instructions);
        assertEquals(1600, b.sched().dispatchedCycle);
        assertEquals(450, b.sched().dispatchedInstret);
        assertEquals(1600, b.firstRunAt());

        h.advance(QUANTUM, 300);
        f.d.tick(h);
        assertEquals(QUANTUM, b.sched().cpuCycles);
        assertEquals(300, b.sched().instructions);

        h.advance(QUANTUM, 200);
        f.d.tick(h);
        assertEquals(600 + QUANTUM, a.sched().cpuCycles);
        assertEquals(600, a.sched().instructions);
        assertEquals(1000, a.firstRunAt(), "first run time kept");
    }

    @Test
    void tickOnAnIdleHartWithNothingReadyKeepsItIdle() {
        f.d.tick(h);
        assertNull(f.d.current(0));
        assertNull(h.context());
        assertEquals(-1, f.timer.deadline(0));
        assertEquals(List.of(), f.switches());
    }

    @Test
    void yieldWithNobodyWaitingKeepsRunning() {
        Process a = f.ready("a");
        f.d.yield(h);
        assertSame(a, f.d.current(0));
        assertEquals(0, a.sched().voluntarySwitches);
        assertEquals(1, f.d.contextSwitches());
    }

    @Test
    void yieldGoesToTheTailOfTheQueue() {
        Process a = f.ready("a");
        Process b = f.ready("b");
        Process c = f.ready("c");
        h.advance(100, 90);
        f.d.yield(h);
        assertSame(b, f.d.current(0));
        assertEquals(ProcessState.READY, a.state());
        assertEquals(1, a.sched().voluntarySwitches);
        assertEquals(0, a.sched().involuntarySwitches);
        assertEquals(100, a.sched().cpuCycles);
        h.advance(QUANTUM, 90);
        f.d.tick(h);
        assertSame(c, f.d.current(0), "c was ahead of a");
        h.advance(QUANTUM, 90);
        f.d.tick(h);
        assertSame(a, f.d.current(0));
    }

    @Test
    void yieldOnAnIdleHartDoesNothing() {
        Process a = f.process("a");
        SchedFixture two = new SchedFixture(2);
        Process x = two.process("x");
        Process y = two.process("y");
        two.d.makeReady(x);
        two.d.yield(two.hart(1));
        assertNull(two.d.current(1));
        assertSame(x, two.d.current(0));
        assertEquals(ProcessState.NEW, a.state());
        assertEquals(ProcessState.NEW, y.state());
    }

    @Test
    void ticksOnOneHartDoNotDisturbAnother() {
        SchedFixture two = new SchedFixture(2);
        Process a = two.ready("a");
        Process b = two.ready("b");
        Process c = two.ready("c");
        two.hart(1).advance(QUANTUM, 1);
        two.d.tick(two.hart(1));
        assertSame(a, two.d.current(0));
        assertSame(c, two.d.current(1));
        assertEquals(List.of("0:0->1", "1:0->2", "1:2->3"), two.switches());
    }
}
