package osbox.hw.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import osbox.testkit.hw.FakeEventQueue;
import osbox.testkit.hw.FakeInterruptController;

class HartTimersTest {
    private final FakeEventQueue events = new FakeEventQueue();
    private final FakeInterruptController lines = new FakeInterruptController();
    private final HartTimers timers = new HartTimers(events, lines);

    @Test
    void aProgrammedTimerSetsTheLineAtItsDeadlineAndNotBefore() {
        timers.program(0, 1000);
        assertEquals(1000, timers.deadline(0));
        events.advanceTo(999);
        assertFalse(lines.timerPending(0));
        assertEquals(0, timers.fired());
        events.advanceTo(1000);
        assertTrue(lines.timerPending(0));
        assertEquals(1, timers.fired());
        assertEquals(1000, timers.deadline(0), "the deadline stays readable after it fired, like mtimecmp");
        assertEquals(0, events.size());
    }

    @Test
    void theLineStaysSetUntilReprogrammed() {
        timers.program(1, 10);
        events.advanceTo(50);
        assertTrue(lines.timerPending(1));
        events.advanceTo(500);
        assertTrue(lines.timerPending(1));
        timers.program(1, 600);
        assertFalse(lines.timerPending(1), "reprogramming clears the line");
        events.advanceTo(600);
        assertTrue(lines.timerPending(1));
        assertEquals(2, timers.fired());
    }

    @Test
    void reprogrammingReplacesTheEarlierDeadline() {
        timers.program(0, 100);
        timers.program(0, 300);
        assertEquals(1, events.size(), "the earlier event was cancelled");
        events.advanceTo(200);
        assertFalse(lines.timerPending(0));
        events.advanceTo(300);
        assertTrue(lines.timerPending(0));
        assertEquals(1, timers.fired());
    }

    @Test
    void cancelDropsTheDeadlineAndClearsTheLine() {
        timers.program(2, 100);
        timers.cancel(2);
        assertEquals(-1, timers.deadline(2));
        assertEquals(0, events.size());
        events.advanceTo(1000);
        assertFalse(lines.timerPending(2));
        timers.program(2, 1100);
        events.advanceTo(1100);
        assertTrue(lines.timerPending(2));
        timers.cancel(2);
        assertFalse(lines.timerPending(2));
        assertEquals(1, timers.fired());
    }

    @Test
    void aDeadlineInThePastFiresAtTheNextSafePoint() {
        events.advanceTo(5000);
        timers.program(0, 10);
        assertFalse(lines.timerPending(0), "nothing fires until the machine reaches a safe point");
        events.advanceTo(5000);
        assertTrue(lines.timerPending(0));
        assertEquals(1, timers.fired());
    }

    @Test
    void hartsHaveIndependentTimers() {
        timers.program(0, 100);
        timers.program(3, 50);
        timers.program(63, 200);
        assertEquals(-1, timers.deadline(1));
        events.advanceTo(60);
        assertTrue(lines.timerPending(3));
        assertFalse(lines.timerPending(0));
        events.advanceTo(200);
        assertTrue(lines.timerPending(0));
        assertTrue(lines.timerPending(63));
        assertEquals(3, timers.fired());
    }

    @Test
    void anEventThatEscapedCancellationDoesNotFire() {
        EscapingQueue queue = new EscapingQueue();
        HartTimers t = new HartTimers(queue, lines);
        t.program(0, 100);
        t.program(0, 200);
        queue.advanceTo(150);
        assertFalse(lines.timerPending(0), "the stale event for 100 is ignored");
        queue.advanceTo(200);
        assertTrue(lines.timerPending(0));
        assertEquals(1, t.fired());
    }

    @Test
    void cancelAllDropsEveryEvent() {
        timers.program(0, 100);
        timers.program(5, 100);
        timers.cancelAll();
        assertEquals(0, events.size());
        events.advanceTo(1000);
        assertEquals(0, timers.fired());
        assertEquals(-1, timers.deadline(5));
    }

    @Test
    void badArgumentsAreRefusedLoudly() {
        assertThrows(IllegalArgumentException.class, () -> timers.program(64, 10));
        assertThrows(IllegalArgumentException.class, () -> timers.program(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> timers.program(0, -5));
        assertThrows(IllegalArgumentException.class, () -> timers.cancel(64));
        assertThrows(IllegalArgumentException.class, () -> timers.deadline(64));
        assertThrows(IllegalArgumentException.class, () -> new HartTimers(null, lines));
        assertThrows(IllegalArgumentException.class, () -> new HartTimers(events, null));
    }

    /** A queue whose cancel never works, to check the generation guard. */
    private static final class EscapingQueue implements osbox.api.hw.EventQueue {
        private final FakeEventQueue inner = new FakeEventQueue();

        @Override public long schedule(long at, Runnable action) { return inner.schedule(at, action); }
        @Override public boolean cancel(long id) { return false; }
        @Override public long nextTime() { return inner.nextTime(); }
        @Override public int size() { return inner.size(); }

        void advanceTo(long time) {
            inner.advanceTo(time);
        }
    }
}
