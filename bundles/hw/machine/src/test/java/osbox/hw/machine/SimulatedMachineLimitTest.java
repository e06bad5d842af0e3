package osbox.hw.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import osbox.api.hw.HartContext;
import osbox.api.hw.TrapCause;
import osbox.testkit.hw.FakeHart;

/**
 * The run limit (setRunLimit), driven one step at a time on the test thread.
 * A step of a machine with nothing to do sleeps until a task comes: the
 * timeout interrupts it (the step then answers false) instead of hanging.
 */
@Timeout(10)
class SimulatedMachineLimitTest {
    private static final long NONE = Long.MAX_VALUE;

    private final TestMachines parts = new TestMachines();
    private final AtomicInteger halts = new AtomicInteger();

    private SimulatedMachine machine(int harts, long slice) {
        return parts.build(TestMachines.settings(harts, slice, 0));
    }

    private FakeHart hart(int i) {
        return parts.harts().get(i);
    }

    // Steps until the machine halts (at most `turns` turns); fails if it never does.
    private void stepUntilHalted(SimulatedMachine m, int turns) {
        for (int i = 0; i < turns && halts.get() == 0; i++) {
            assertTrue(m.step());
        }
        assertEquals(1, halts.get(), "halted once");
    }

    @Test
    void oneHartStopsAtExactlyTheInstructionLimitEvenInsideASlice() {
        SimulatedMachine m = machine(1, 1000);
        hart(0).setContext(new HartContext());
        m.setRunLimit(2_345, NONE, halts::incrementAndGet);
        stepUntilHalted(m, 100);
        assertEquals(2_345, hart(0).instret());
        int runs = hart(0).runs().size();
        m.submit(() -> { });
        assertTrue(m.step(), "a halted machine still runs submitted tasks");
        assertEquals(runs, hart(0).runs().size(), "and no hart");
        assertEquals(2_345, hart(0).instret());
        assertEquals(1, halts.get(), "the callback runs once");
    }

    @Test
    void severalHartsRetireAtMostOneLessThanTheirNumberPastTheLimit() {
        SimulatedMachine m = machine(3, 1000);
        for (int i = 0; i < 3; i++) {
            hart(i).setContext(new HartContext());
        }
        m.setRunLimit(10_001, NONE, halts::incrementAndGet);
        stepUntilHalted(m, 100);
        long retired = hart(0).instret() + hart(1).instret() + hart(2).instret();
        assertTrue(retired >= 10_001 && retired <= 10_003, "retired " + retired);
    }

    @Test
    void theClockLimitStopsABusyMachineAtThatCycle() {
        SimulatedMachine m = machine(1, 1000);
        hart(0).setContext(new HartContext());
        m.setRunLimit(NONE, 4_321, halts::incrementAndGet);
        stepUntilHalted(m, 100);
        assertEquals(4_321, m.now());
        assertEquals(4_321, hart(0).cycle());
    }

    @Test
    void anIdleMachineStopsAtTheClockLimitInsteadOfJumpingPastItToTheNextEvent() {
        SimulatedMachine m = machine(1, 1000);
        List<Long> fired = new ArrayList<>();
        m.events().schedule(10_000, () -> fired.add(m.now()));
        m.setRunLimit(NONE, 5_000, halts::incrementAndGet);
        stepUntilHalted(m, 10);
        assertEquals(5_000, m.now());
        assertEquals(5_000, hart(0).cycle(), "the idle hart's clock moved with the machine's");
        assertTrue(fired.isEmpty(), "an event past the limit never fires");
    }

    @Test
    void aProgramThatEndsWithinItsInstructionsIsNotStopped() {
        SimulatedMachine m = machine(1, 1000);
        hart(0).setContext(new HartContext());
        // no kernel: the trap at cycle 400 parks the hart, having retired 400
        hart(0).trapAt(400, TrapCause.ILLEGAL_INSTRUCTION, 0);
        List<Long> fired = new ArrayList<>();
        m.events().schedule(1_000_000, () -> {
            fired.add(m.now());
            m.submit(() -> { }); // so that the step, with nothing left to do, does not sleep
        });
        m.setRunLimit(500, NONE, halts::incrementAndGet);
        for (int i = 0; i < 5 && fired.isEmpty(); i++) {
            assertTrue(m.step());
        }
        assertEquals(List.of(1_000_000L), fired, "the clock went on to the event");
        assertEquals(0, halts.get());
    }

    @Test
    void aNewLimitLetsAHaltedMachineRunAgain() {
        SimulatedMachine m = machine(1, 1000);
        hart(0).setContext(new HartContext());
        m.setRunLimit(100, NONE, halts::incrementAndGet);
        stepUntilHalted(m, 10);
        m.setRunLimit(NONE, NONE, null);
        assertTrue(m.step());
        assertEquals(1_100, hart(0).instret());
    }

    @Test
    void negativeLimitsAreRefused() {
        SimulatedMachine m = machine(1, 1000);
        assertThrows(IllegalArgumentException.class, () -> m.setRunLimit(-1, NONE, null));
    }
}
