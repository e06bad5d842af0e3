package osbox.hw.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.hw.HartContext;
import osbox.api.hw.MachineStatistics;
import osbox.api.hw.TlbStatistics;
import osbox.api.hw.TrapCause;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.testkit.hw.FakeHart;

/** The simulation loop driven one step at a time on the test thread (no simulation thread). */
class SimulatedMachineStepTest {
    private final TestMachines parts = new TestMachines();

    private record Delivered(int hart, int cause, long tval, long hartCycle) {
    }

    private SimulatedMachine machine(int harts, long slice, long trapCycles) {
        return parts.build(TestMachines.settings(harts, slice, trapCycles));
    }

    private FakeHart hart(int i) {
        return parts.harts().get(i);
    }

    @Test
    void busyWindowsNeverExceedTheSlice() {
        SimulatedMachine m = machine(1, 1000, 0);
        hart(0).setContext(new HartContext());
        for (int i = 0; i < 5; i++) {
            assertTrue(m.step());
        }
        assertEquals(5000, m.now());
        assertEquals(5, hart(0).runs().size());
        for (int i = 0; i < 5; i++) {
            FakeHart.Run r = hart(0).runs().get(i);
            assertEquals(i * 1000L, r.from());
            assertEquals((i + 1) * 1000L, r.until());
        }
    }

    @Test
    void everyHartRunsToTheSameWindowEnd() {
        SimulatedMachine m = machine(3, 700, 0);
        hart(1).setContext(new HartContext());
        m.step();
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(new FakeHart.Run(0, 700)), hart(i).runs(), "hart " + i);
        }
        assertEquals(700, hart(0).idleCycles(), "idle harts advance through the window too");
        assertEquals(700, hart(1).instret());
    }

    @Test
    void eventDueInsideWindowEndsTheWindowThereAndFiresAtTheNextSafePoint() {
        SimulatedMachine m = machine(1, 1000, 0);
        hart(0).setContext(new HartContext());
        List<Long> firedAt = new ArrayList<>();
        m.events().schedule(300, () -> firedAt.add(m.now()));

        m.step();
        assertEquals(300, m.now());
        assertEquals(new FakeHart.Run(0, 300), hart(0).runs().get(0));
        assertTrue(firedAt.isEmpty(), "events fire at the safe point, not while harts run");

        m.step();
        assertEquals(List.of(300L), firedAt);
        assertEquals(new FakeHart.Run(300, 1300), hart(0).runs().get(1));
        assertEquals(1300, m.now());
    }

    @Test
    void trapVectorReceivesHartCauseAndTvalAndTrapCyclesAreCharged() {
        SimulatedMachine m = machine(1, 1000, 10);
        hart(0).setContext(new HartContext());
        hart(0).trapAt(100, TrapCause.LOAD_PAGE_FAULT, 0xdead000L);
        List<Delivered> got = new ArrayList<>();
        m.setTrapVector((h, cause, tval) -> got.add(new Delivered(h.id(), cause, tval, h.cycle())));

        m.step();

        assertEquals(List.of(new Delivered(0, TrapCause.LOAD_PAGE_FAULT, 0xdead000L, 100)), got);
        assertEquals(List.of(new FakeHart.Run(0, 1000), new FakeHart.Run(110, 1000)), hart(0).runs(),
                "after the trap the hart resumes trapCycles later, in the same window");
        assertEquals(1000, m.now());
    }

    @Test
    void trapVectorGetsTheTrappingHartObject() {
        SimulatedMachine m = machine(2, 1000, 0);
        hart(1).setContext(new HartContext());
        hart(1).trapAt(5, TrapCause.ECALL_FROM_U, 0);
        List<Object> seen = new ArrayList<>();
        m.setTrapVector((h, cause, tval) -> seen.add(h));
        m.step();
        assertEquals(1, seen.size());
        assertSame(m.hart(1), seen.get(0));
    }

    @Test
    void trapsAreCountedByCauseInCauseOrder() {
        SimulatedMachine m = machine(1, 1000, 0);
        m.setTrapVector((h, c, t) -> { });
        hart(0).setContext(new HartContext());
        hart(0).trapAt(10, TrapCause.LOAD_PAGE_FAULT, 0)
                .trapAt(20, TrapCause.ECALL_FROM_U, 0)
                .trapAt(30, TrapCause.ECALL_FROM_U, 0)
                .trapAt(40, TrapCause.ILLEGAL_INSTRUCTION, 0)
                .trapAt(50, TrapCause.STORE_PAGE_FAULT, 0);
        m.step();
        Map<String, Long> traps = m.statistics().traps();
        assertEquals(Map.of("illegal-instruction", 1L, "ecall", 2L, "load-page-fault", 1L,
                "store-AMO-page-fault", 1L), traps);
        assertEquals(List.of("illegal-instruction", "ecall", "load-page-fault", "store-AMO-page-fault"),
                new ArrayList<>(traps.keySet()));
    }

    @Test
    void pendingInterruptsAreDeliveredAtTheSafePointAndCounted() {
        SimulatedMachine m = machine(2, 1000, 0);
        List<Delivered> got = new ArrayList<>();
        m.setTrapVector((h, cause, tval) -> got.add(new Delivered(h.id(), cause, tval, h.cycle())));
        hart(0).setContext(new HartContext());
        parts.intc.pendOnce(1, TrapCause.EXTERNAL_INTERRUPT);
        parts.intc.pendOnce(0, TrapCause.TIMER_INTERRUPT);

        m.step();

        assertEquals(List.of(new Delivered(0, TrapCause.TIMER_INTERRUPT, 0, 0),
                new Delivered(1, TrapCause.EXTERNAL_INTERRUPT, 0, 0)), got);
        Map<String, Long> traps = m.statistics().traps();
        assertEquals(Map.of("timer", 1L, "external", 1L), traps);
        assertEquals(List.of("timer", "external"), new ArrayList<>(traps.keySet()));
    }

    @Test
    void interruptsAreNotTakenWithoutATrapVector() {
        SimulatedMachine m = machine(1, 1000, 0);
        hart(0).setContext(new HartContext());
        parts.intc.pendOnce(0, TrapCause.TIMER_INTERRUPT);
        m.step();
        assertTrue(m.statistics().traps().isEmpty());
        assertTrue(hart(0).context() != null);
    }

    @Test
    void trapWithNoKernelIdlesTheHart() {
        SimulatedMachine m = machine(1, 1000, 0);
        hart(0).setContext(new HartContext());
        hart(0).trapAt(42, TrapCause.ECALL_FROM_U, 0);
        m.step();
        assertNull(hart(0).context());
        assertEquals(Map.of("ecall", 1L), m.statistics().traps());
        assertEquals(42, hart(0).instret());
    }

    @Test
    void eventScheduledByTrapHandlerInsideWindowEndsItForThisAndLaterHarts() {
        SimulatedMachine m = machine(2, 1000, 10);
        hart(0).setContext(new HartContext());
        hart(1).setContext(new HartContext());
        hart(0).trapAt(100, TrapCause.ECALL_FROM_U, 0);
        m.setTrapVector((h, c, t) -> m.events().schedule(h.cycle() + 50, () -> { }));

        m.step();

        assertEquals(List.of(new FakeHart.Run(0, 1000), new FakeHart.Run(110, 150)), hart(0).runs());
        assertEquals(List.of(new FakeHart.Run(0, 150)), hart(1).runs());
        assertEquals(150, m.now());
    }

    @Test
    void hartsRunOneAfterAnotherInsideAWindow() {
        SimulatedMachine m = machine(2, 1000, 0);
        hart(0).setContext(new HartContext());
        hart(1).setContext(new HartContext());
        hart(0).trapAt(500, TrapCause.ECALL_FROM_U, 0);
        hart(1).trapAt(100, TrapCause.ECALL_FROM_U, 0);
        List<Delivered> got = new ArrayList<>();
        m.setTrapVector((h, cause, tval) -> got.add(new Delivered(h.id(), cause, tval, h.cycle())));
        m.step();
        assertEquals(List.of(0, 1), got.stream().map(Delivered::hart).toList(),
                "hart 0 runs its whole window before hart 1 starts");
    }

    @Test
    void withNoHartBusyTheClockJumpsToTheNextEvent() {
        SimulatedMachine m = machine(2, 1000, 0);
        List<Long> firedAt = new ArrayList<>();
        m.events().schedule(12_345, () -> {
            firedAt.add(m.now());
            m.events().schedule(50_000, () -> { });
        });

        assertTrue(m.step());
        assertEquals(12_345, m.now());
        assertEquals(List.of(new FakeHart.Run(0, 12_345)), hart(0).runs());
        assertEquals(12_345, hart(1).idleCycles());
        assertTrue(firedAt.isEmpty());

        assertTrue(m.step());
        assertEquals(List.of(12_345L), firedAt);
        assertEquals(50_000, m.now());
    }

    @Test
    void eventDueNowFiresBeforeHartsRun() {
        SimulatedMachine m = machine(1, 1000, 0);
        hart(0).setContext(new HartContext());
        List<Integer> runsSeen = new ArrayList<>();
        m.events().schedule(0, () -> runsSeen.add(hart(0).runs().size()));
        m.step();
        assertEquals(List.of(0), runsSeen);
    }

    @Test
    void submittedTaskRunsAtTheNextSafePointNotAtSubmit() {
        SimulatedMachine m = machine(1, 1000, 0);
        List<String> log = new ArrayList<>();
        m.submit(() -> {
            log.add("task at " + m.now());
            m.events().schedule(10, () -> log.add("event"));
        });
        assertTrue(log.isEmpty());
        assertTrue(m.step());
        assertEquals(List.of("task at 0"), log);
        assertEquals(10, m.now());
    }

    /** One task per safe point (so what a task causes happens before the next task runs), in submission order. */
    @Test
    void oneTaskPerSafePointInSubmissionOrderBeforeDueEvents() {
        SimulatedMachine m = machine(1, 1000, 0);
        List<String> log = new ArrayList<>();
        m.events().schedule(0, () -> log.add("event"));
        m.submit(() -> log.add("t1"));
        m.submit(() -> {
            log.add("t2");
            m.events().schedule(5, () -> { });
        });
        assertTrue(m.step());
        assertEquals(List.of("t1", "event"), log);
        assertTrue(m.step());
        assertEquals(List.of("t1", "event", "t2"), log);
    }

    @Test
    void interruptRaisedByATaskIsDeliveredBeforeTheNextTaskRuns() {
        SimulatedMachine m = machine(1, 1000, 0);
        List<String> log = new ArrayList<>();
        m.setTrapVector((h, cause, tval) -> log.add("interrupt " + TrapCause.key(cause)));
        m.submit(() -> {
            log.add("t1");
            parts.intc.pendOnce(0, TrapCause.EXTERNAL_INTERRUPT);
        });
        m.submit(() -> {
            log.add("t2");
            m.events().schedule(5, () -> { });
        });
        m.step();
        m.step();
        assertEquals(List.of("t1", "interrupt external", "t2"), log);
    }

    @Test
    void traceIsStampedWithTheTrappingHartsClockAndEventsWithNow() {
        SimulatedMachine m = machine(1, 1000, 0);
        hart(0).setContext(new HartContext());
        hart(0).trapAt(123, TrapCause.ECALL_FROM_U, 0);
        m.setTrapVector((h, c, t) -> m.tracer().record(TraceKind.NOTE, h.id(), 0, 1, 0));
        m.events().schedule(400, () -> m.tracer().record(TraceKind.NOTE, -1, 0, 2, 0));
        m.step();
        m.step();
        List<TraceEvent> ev = m.tracer().events();
        assertEquals(2, ev.size());
        assertEquals(123, ev.get(0).cycle());
        assertEquals(400, ev.get(1).cycle());
    }

    @Test
    void statisticsSumTheHarts() {
        parts.tlbPerHart(new TlbStatistics(10, 2, 3, 1, 4));
        SimulatedMachine m = machine(2, 1000, 0);
        hart(0).setContext(new HartContext());
        m.events().schedule(600, () -> { });
        m.step();
        m.step();
        MachineStatistics s = m.statistics();
        assertEquals(1600, s.now());
        assertEquals(1_000_000_000L, s.frequencyHz());
        assertEquals(1600, s.instret());
        assertEquals(1600, s.busyCycles());
        assertEquals(1600, s.idleCycles());
        assertEquals(new TlbStatistics(20, 4, 6, 2, 8), s.tlb());
        assertEquals(1, s.events());
        assertTrue(s.traps().isEmpty());
    }

    @Test
    void callWithoutSimulationThreadRunsInline() throws Exception {
        SimulatedMachine m = machine(1, 1000, 0);
        assertFalse(m.onSimulationThread());
        assertEquals(7, m.call(() -> 7));
    }

    @Test
    void accessorsReflectSettings() {
        SimulatedMachine m = parts.build(new SimulatedMachine.Settings(3, 5_000_000L, 10, 1, 0));
        assertEquals(3, m.hartCount());
        assertEquals(5_000_000L, m.frequencyHz());
        assertEquals(2, m.hart(2).id());
        assertNull(m.memory());
        assertEquals(3, m.settings().harts());
    }
}
