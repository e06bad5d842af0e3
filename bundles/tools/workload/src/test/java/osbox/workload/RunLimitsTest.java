package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parsing --max-instructions and --max-time, and the time bound in cycles. */
class RunLimitsTest {

    private static String refused(String option, String value) {
        return assertThrows(IllegalArgumentException.class, () -> RunLimits.NONE.with(option, value)).getMessage();
    }

    @Test
    void instructionsAreAPositiveWholeNumber() {
        RunLimits l = RunLimits.NONE.with("--max-instructions", "1000000");
        assertEquals(1_000_000, l.instructions());
        assertTrue(l.any());
        assertFalse(RunLimits.NONE.any());
        assertEquals("--max-instructions 1e6: not a number of instructions (a whole number from 1 to 10^18, "
                + "e.g. 1000000)", refused("--max-instructions", "1e6"));
        assertEquals("--max-instructions -5: not a number of instructions (a whole number from 1 to 10^18, "
                + "e.g. 1000000)", refused("--max-instructions", "-5"));
        assertTrue(refused("--max-instructions", "0").startsWith("--max-instructions 0: must be more than 0"));
        assertEquals("--max-instructions 1000000000000000001: too large (at most 10^18)",
                refused("--max-instructions", "1000000000000000001"));
        assertTrue(refused("--max-instructions", null).startsWith("--max-instructions needs a number"));
    }

    @Test
    void durationsTakeAUnitAndArePlainSecondsWithout() {
        assertEquals(500_000_000L, RunLimits.NONE.with("--max-time", "500ms").nanos());
        assertEquals(2_000_000_000L, RunLimits.NONE.with("--max-time", "2s").nanos());
        assertEquals(2_000_000_000L, RunLimits.NONE.with("--max-time", "2").nanos());
        assertEquals(60_000_000_000L, RunLimits.NONE.with("--max-time", "1m").nanos());
        assertEquals(3_600_000_000_000L, RunLimits.NONE.with("--max-time", "1h").nanos());
        assertEquals(7_000L, RunLimits.NONE.with("--max-time", "7us").nanos());
        assertEquals(7L, RunLimits.NONE.with("--max-time", "7ns").nanos());
        assertEquals("2s", RunLimits.NONE.with("--max-time", "2s").timeText());
        String forms = "(e.g. 500ms, 2s, 1m; units ns, us, ms, s, m, h; a plain number is seconds)";
        assertEquals("--max-time 1.5s: not a duration " + forms, refused("--max-time", "1.5s"));
        assertEquals("--max-time 5x: not a duration " + forms, refused("--max-time", "5x"));
        assertEquals("--max-time 0ms: must be more than 0 " + forms, refused("--max-time", "0ms"));
        assertEquals("--max-time 1000000000h: too large (at most 10^18 ns, about 31 years)",
                refused("--max-time", "1000000000h"));
        assertEquals("--max-time needs a duration " + forms, refused("--max-time", ""));
    }

    @Test
    void bothLimitsTogetherAndTheLaterValueWins() {
        RunLimits l = RunLimits.NONE.with("--max-time", "1s").with("--max-instructions", "5")
                .with("--max-instructions", "7");
        assertEquals(7, l.instructions());
        assertEquals(1_000_000_000L, l.nanos());
    }

    @Test
    void theTimeBoundInCyclesFollowsTheClock() {
        RunLimits l = RunLimits.NONE.with("--max-time", "500ms");
        assertEquals(500_000_000L, l.cycles(1_000_000_000L));
        assertEquals(50_000_000L, l.cycles(100_000_000L));
        assertEquals(1, RunLimits.NONE.with("--max-time", "1ns").cycles(1_000_000L), "at least one cycle");
        assertEquals(0, RunLimits.NONE.cycles(1_000_000_000L), "no bound");
        assertEquals(Long.MAX_VALUE / 2, RunLimits.NONE.with("--max-time", "1000000000s").cycles(Long.MAX_VALUE));
    }
}
