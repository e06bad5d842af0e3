package osbox.hw.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimedEventQueueTest {
    private long now;
    private final TimedEventQueue q = new TimedEventQueue(() -> now);
    private final List<String> fired = new ArrayList<>();

    private Runnable log(String s) {
        return () -> fired.add(s);
    }

    @Test
    void emptyQueueHasNoNextTime() {
        assertEquals(Long.MAX_VALUE, q.nextTime());
        assertEquals(0, q.size());
        assertEquals(0, q.fireUntil(Long.MAX_VALUE));
        assertEquals(0, q.fired());
    }

    @Test
    void firesInTimeOrderThenSchedulingOrder() {
        q.schedule(30, log("c30"));
        q.schedule(10, log("a10"));
        q.schedule(20, log("b20-first"));
        q.schedule(20, log("b20-second"));
        q.schedule(10, log("a10-second"));
        assertEquals(5, q.size());
        assertEquals(10, q.nextTime());

        assertEquals(5, q.fireUntil(100));
        assertEquals(List.of("a10", "a10-second", "b20-first", "b20-second", "c30"), fired);
        assertEquals(0, q.size());
        assertEquals(5, q.fired());
    }

    @Test
    void fireUntilFiresOnlyDueEventsInclusive() {
        q.schedule(10, log("10"));
        q.schedule(20, log("20"));
        q.schedule(21, log("21"));
        assertEquals(0, q.fireUntil(9));
        assertEquals(2, q.fireUntil(20));
        assertEquals(List.of("10", "20"), fired);
        assertEquals(1, q.size());
        assertEquals(21, q.nextTime());
        assertEquals(2, q.fired());
    }

    @Test
    void eventInThePastIsScheduledNow() {
        now = 500;
        q.schedule(3, log("past"));
        assertEquals(500, q.nextTime());
        assertEquals(0, q.fireUntil(499));
        assertEquals(1, q.fireUntil(500));
        assertEquals(List.of("past"), fired);
    }

    @Test
    void pastEventKeepsSchedulingOrderAmongEventsDueNow() {
        now = 100;
        q.schedule(100, log("at-now"));
        q.schedule(-5, log("past"));
        q.fireUntil(100);
        assertEquals(List.of("at-now", "past"), fired);
    }

    @Test
    void idsAreDistinctAndIncreasing() {
        long a = q.schedule(5, log("a"));
        long b = q.schedule(5, log("b"));
        assertTrue(a > 0, "ids are positive (0 means 'no event' to the kernel)");
        assertTrue(b > a);
    }

    @Test
    void cancelBeforeFiringRemovesEvent() {
        long id = q.schedule(10, log("cancelled"));
        q.schedule(20, log("kept"));
        assertTrue(q.cancel(id));
        assertEquals(1, q.size());
        assertEquals(20, q.nextTime());
        assertEquals(1, q.fireUntil(100));
        assertEquals(List.of("kept"), fired);
    }

    @Test
    void cancelTwiceOrAfterFiringOrUnknownReturnsFalse() {
        long id = q.schedule(10, log("x"));
        assertTrue(q.cancel(id));
        assertFalse(q.cancel(id));

        long id2 = q.schedule(10, log("y"));
        q.fireUntil(10);
        assertFalse(q.cancel(id2), "already fired");
        assertFalse(q.cancel(12345));
        assertEquals(List.of("y"), fired);
    }

    @Test
    void nullActionRejected() {
        assertThrows(IllegalArgumentException.class, () -> q.schedule(1, null));
        assertEquals(0, q.size());
    }

    /**
     * Documented behaviour: an event scheduled by an action for a time that is
     * still within the fireUntil bound fires in the same call, after every
     * event that was already due at that time (its sequence number is larger).
     */
    @Test
    void eventScheduledByActionAtSameTimeFiresInSameCallAfterOthers() {
        q.schedule(10, () -> {
            fired.add("first");
            q.schedule(10, log("child"));
        });
        q.schedule(10, log("second"));
        assertEquals(3, q.fireUntil(10));
        assertEquals(List.of("first", "second", "child"), fired);
        assertEquals(0, q.size());
    }

    @Test
    void eventScheduledByActionAfterBoundWaitsForLaterCall() {
        q.schedule(10, () -> {
            fired.add("first");
            q.schedule(11, log("later"));
        });
        assertEquals(1, q.fireUntil(10));
        assertEquals(1, q.size());
        assertEquals(11, q.nextTime());
        assertEquals(1, q.fireUntil(11));
        assertEquals(List.of("first", "later"), fired);
    }

    @Test
    void actionCancellingALaterDueEventPreventsIt() {
        long[] victim = new long[1];
        q.schedule(10, () -> {
            fired.add("killer");
            assertTrue(q.cancel(victim[0]));
        });
        victim[0] = q.schedule(10, log("victim"));
        assertEquals(1, q.fireUntil(10));
        assertEquals(List.of("killer"), fired);
    }

    @Test
    void sameSchedulingGivesSameOrderEveryTime() {
        List<String> first = runScript();
        List<String> second = runScript();
        assertEquals(first, second);
        assertEquals(40, first.size());
    }

    private static List<String> runScript() {
        long[] clock = {0};
        TimedEventQueue queue = new TimedEventQueue(() -> clock[0]);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            queue.schedule((i * 7) % 5, () -> {
                out.add("e" + n);
                queue.schedule(3, () -> out.add("c" + n));
            });
        }
        clock[0] = 2;
        queue.fireUntil(2);
        clock[0] = 10;
        queue.fireUntil(10);
        return out;
    }

    @Test
    void throwingActionIsRemovedAndLaterEventsStillFireOnNextCall() {
        q.schedule(10, () -> {
            throw new IllegalStateException("boom");
        });
        q.schedule(10, log("after"));
        assertThrows(IllegalStateException.class, () -> q.fireUntil(10));
        assertEquals(1, q.size(), "the throwing event is gone, the next one still pending");
        assertEquals(1, q.fireUntil(10));
        assertEquals(List.of("after"), fired);
    }

    @Test
    void firedCountsEventsThatRanBeforeAThrowingOne() {
        q.schedule(10, log("ok"));
        q.schedule(10, () -> {
            throw new IllegalStateException("boom");
        });
        assertThrows(IllegalStateException.class, () -> q.fireUntil(10));
        assertEquals(List.of("ok"), fired);
        assertNotEquals(0, q.fired(), "the event that ran must be counted");
    }
}
