package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The terminal's idle pacer: it asks the machine to wait the host time an
 * idle interval stands for, answers the next event when the wait ran out
 * and an earlier cycle when a task cut it short; the conversions saturate.
 */
class HostTimePacerTest {
    private final HostTimePacer pacer = new HostTimePacer();

    @Test
    void anIntervalThatRanOutAnswersTheNextEventAfterWaitingItsHostTime() {
        long[] asked = new long[1];
        long to = pacer.idle(1_000, 3_001_000, 1_000_000, nanos -> {
            asked[0] = nanos;
            return false;
        });
        assertEquals(3_001_000, to);
        assertEquals(3_000_000_000L, asked[0], "3,000,000 cycles at 1 MHz are 3 s");
    }

    @Test
    void aTaskThatCutsTheWaitShortAnswersACycleBeforeTheNextEvent() {
        // at 1 Hz the interval is 11.6 days of host time; the task came at once
        long to = pacer.idle(500, 1_000_500, 1, nanos -> true);
        assertTrue(to >= 500 && to < 1_000_500, "between now and the next event: " + to);
    }

    @Test
    void conversionsSaturateInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, HostTimePacer.toNanos(Long.MAX_VALUE, 1));
        assertEquals(0, HostTimePacer.toNanos(-5, 1_000));
        assertEquals(1_000_000, HostTimePacer.toCycles(1_000_000, 1_000_000_000), "1 ms at 1 GHz");
        assertEquals(Long.MAX_VALUE, HostTimePacer.toCycles(Long.MAX_VALUE, 1_000_000_000));
    }
}
