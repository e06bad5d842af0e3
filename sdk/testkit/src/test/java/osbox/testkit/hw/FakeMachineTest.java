package osbox.testkit.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.HartContext;
import osbox.api.hw.TrapCause;
import osbox.api.trace.TraceKind;

/** The fake machine's three ways of running tasks, its clock and events, and the fakes it is made of. */
class FakeMachineTest {
    @Test
    void tasksAtOnceRunOnTheCallersThread() throws Exception {
        FakeMachine m = new FakeMachine(2);
        List<String> ran = new ArrayList<>();
        m.submit(() -> ran.add("submitted"));
        assertEquals("called", m.call(() -> "called"));
        assertEquals(List.of("submitted"), ran);
        assertTrue(m.onSimulationThread());
        assertEquals(1, m.calls());
        assertEquals(2, m.hartCount());
    }

    @Test
    void queuedTasksWaitForTheTest() {
        FakeMachine m = FakeMachine.with(FakeMachine.Tasks.QUEUED);
        List<String> ran = new ArrayList<>();
        m.submit(() -> {
            ran.add("first");
            m.submit(() -> ran.add("its follow-up"));
        });
        m.submit(() -> ran.add("second"));
        assertEquals(List.of(), ran);
        assertEquals(2, m.queuedTasks());
        assertEquals(3, m.runTasks());
        assertEquals(List.of("first", "second", "its follow-up"), ran);
        assertEquals(0, m.queuedTasks());
    }

    @Test
    void itsOwnThreadRunsTasksAndEventsInOrderAndRethrowsFailures() throws Exception {
        try (FakeMachine m = FakeMachine.with(FakeMachine.Tasks.OWN_THREAD)) {
            List<String> ran = new ArrayList<>();
            assertFalse(m.onSimulationThread());
            m.submit(() -> ran.add("task on " + Thread.currentThread().getName()));
            m.call(() -> m.events().schedule(500, () -> ran.add("event at " + m.now())));
            assertEquals(List.of("task on fake-simulation", "event at 500"), m.call(() -> List.copyOf(ran)));
            assertTrue(m.call(m::onSimulationThread));
            IOException e = assertThrows(IOException.class, () -> m.call(() -> {
                throw new IOException("thrown on the simulation thread");
            }));
            assertEquals("thrown on the simulation thread", e.getMessage());
        }
    }

    @Test
    void eventsFireInTimeThenSchedulingOrderEachAtItsTime() {
        FakeEventQueue q = new FakeEventQueue();
        List<String> fired = new ArrayList<>();
        q.schedule(20, () -> fired.add("b@" + q.now()));
        long cancelled = q.schedule(15, () -> fired.add("cancelled"));
        q.schedule(10, () -> {
            fired.add("a@" + q.now());
            q.schedule(0, () -> fired.add("late@" + q.now()));
        });
        q.schedule(20, () -> fired.add("c@" + q.now()));
        assertTrue(q.cancel(cancelled));
        assertFalse(q.cancel(cancelled));
        assertEquals(10, q.nextTime());
        q.advanceTo(25);
        assertEquals(List.of("a@10", "late@10", "b@20", "c@20"), fired);
        assertEquals(25, q.now());
        assertEquals(Long.MAX_VALUE, q.nextTime());
        assertEquals(4, q.fired());
    }

    @Test
    void theTracerStampsEventsWithTheMachinesClock() {
        FakeMachine m = new FakeMachine(1);
        m.advanceTo(300);
        m.tracer().record(TraceKind.NOTE, 0, 1, 2, 3, "x");
        assertEquals(300, m.tracer().last().cycle());
        assertEquals(1, m.tracer().events(TraceKind.NOTE).size());
        long hash = m.tracer().hash();
        FakeTracer same = new FakeTracer(() -> 300);
        same.record(TraceKind.NOTE, 0, 1, 2, 3, "x");
        assertEquals(hash, same.hash(), "equal traces hash equal");
        same.record(TraceKind.NOTE, 0, 1, 2, 3, "y");
        assertFalse(hash == same.hash());
    }

    @Test
    void aFakeHartRunsToItsBudgetOrToAScriptedTrap() {
        FakeHart h = new FakeHart(0);
        assertEquals(TrapCause.NONE, h.run(100));
        assertEquals(100, h.idleCycles(), "idle without a context");
        h.setContext(new HartContext());
        h.trapAt(150, TrapCause.ECALL_FROM_U, 7);
        assertEquals(TrapCause.ECALL_FROM_U, h.run(1000));
        assertEquals(150, h.cycle());
        assertEquals(50, h.instret());
        assertEquals(7, h.trapValue());
        assertEquals(List.of(new FakeHart.Run(0, 100), new FakeHart.Run(100, 1000)), h.runs());
        h.mmu().setSatp(42);
        assertEquals(List.of(42L), h.mmu().satpWrites());
    }

    @Test
    void theInterruptControllerAnswersWhatWasPendedThenTheTimerLine() {
        FakeInterruptController intc = new FakeInterruptController(4);
        assertEquals(1, intc.allocateSource("console"));
        assertEquals("console", intc.sourceName(1));
        intc.raise(1);
        assertEquals(List.of(1), intc.raised());
        assertEquals(1, intc.raiseCounts()[1]);
        intc.setTimerPending(0, true);
        intc.pendOnce(0, TrapCause.EXTERNAL_INTERRUPT);
        assertEquals(TrapCause.EXTERNAL_INTERRUPT, intc.pendingFor(0));
        assertEquals(TrapCause.TIMER_INTERRUPT, intc.pendingFor(0));
        intc.setTimerPending(0, false);
        assertEquals(TrapCause.NONE, intc.pendingFor(0));
        intc.allocateSource("disk");
        intc.allocateSource("nic");
        assertThrows(IllegalStateException.class, () -> intc.allocateSource("one too many"));
    }

    @Test
    void theConsoleAnswersWhatWasReceivedThenEndOfInput() {
        FakeConsole c = new FakeConsole(3);
        byte[] b = new byte[8];
        assertEquals(0, c.read(b, 0, 8), "nothing yet");
        c.receive("hi");
        c.endInput();
        assertEquals(2, c.read(b, 0, 8));
        assertEquals(-1, c.read(b, 0, 8));
        c.write("out".getBytes(), 0, 3);
        assertEquals("out", c.outputText());
        assertEquals(3, c.interruptSource());
    }
}
