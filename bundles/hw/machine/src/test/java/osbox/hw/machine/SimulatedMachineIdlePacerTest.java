package osbox.hw.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.IdlePacer;

/**
 * An idle machine with a pacer: the clock moves where the pacer says (the
 * next event when the wait ran out, earlier when a task came), a task
 * submitted before the idle turn cuts the pacer's wait short, and without a
 * pacer the clock jumps straight to the next event.
 */
class SimulatedMachineIdlePacerTest {
    private final TestMachines parts = new TestMachines();

    /** A pacer that answers from a script and records what it was asked. */
    private static final class Scripted implements IdlePacer {
        final List<long[]> asked = new ArrayList<>();
        final List<Long> answers;
        final List<Boolean> awaited = new ArrayList<>();

        Scripted(Long... answers) {
            this.answers = new ArrayList<>(List.of(answers));
        }

        @Override
        public long idle(long now, long next, long frequencyHz, Waiter waiter) {
            asked.add(new long[] {now, next, frequencyHz});
            awaited.add(waiter.await(0));
            return answers.remove(0);
        }
    }

    @Test
    void withoutAPacerTheIdleClockJumpsToTheNextEvent() {
        SimulatedMachine m = parts.build(TestMachines.settings(1, 1000, 0));
        List<Long> fired = new ArrayList<>();
        m.events().schedule(5000, () -> {
            fired.add(m.now());
            m.submit(() -> { }); // so that the step, with nothing left to do, does not sleep
        });
        assertTrue(m.step());
        assertEquals(5000, m.now());
        m.step();
        assertEquals(List.of(5000L), fired);
    }

    @Test
    void theClockMovesWhereThePacerSaysAndTheEventFiresOnlyAtItsTime() {
        SimulatedMachine m = parts.build(TestMachines.settings(1, 1000, 0));
        List<Long> fired = new ArrayList<>();
        m.events().schedule(5000, () -> {
            fired.add(m.now());
            m.submit(() -> { }); // so that the step, with nothing left to do, does not sleep
        });
        Scripted pacer = new Scripted(1200L, 99_999L);
        m.setIdlePacer(pacer);

        assertTrue(m.step());
        assertEquals(1200, m.now(), "a task came after 1200 cycles' worth of host time");
        assertTrue(fired.isEmpty());
        assertEquals(1200, parts.harts().get(0).cycle(), "idle harts move with the clock");

        assertTrue(m.step());
        assertEquals(5000, m.now(), "an answer past the next event is clamped to it");
        m.step();
        assertEquals(List.of(5000L), fired);
        assertEquals(0, pacer.asked.get(0)[0]);
        assertEquals(5000, pacer.asked.get(0)[1]);
        assertEquals(1200, pacer.asked.get(1)[0]);
    }

    @Test
    void aTaskSubmittedWhileIdleCutsThePacersWaitShortAndRunsAtTheCycleGiven() {
        SimulatedMachine m = parts.build(TestMachines.settings(1, 1000, 0));
        m.events().schedule(5000, () -> m.submit(() -> { }));
        List<Long> ranAt = new ArrayList<>();
        boolean[] awaited = new boolean[2];
        m.setIdlePacer((now, next, hz, waiter) -> {
            awaited[0] = waiter.await(0);
            m.submit(() -> ranAt.add(m.now()));
            // a wait of about 292 years returns at once: the task is already there
            awaited[1] = waiter.await(Long.MAX_VALUE);
            m.setIdlePacer(null);
            return 700;
        });
        m.step();
        assertFalse(awaited[0], "no task yet: a zero wait runs out");
        assertTrue(awaited[1]);
        assertEquals(700, m.now());
        m.step();
        assertEquals(List.of(700L), ranAt, "the task runs at the cycle the pacer answered");
    }
}
