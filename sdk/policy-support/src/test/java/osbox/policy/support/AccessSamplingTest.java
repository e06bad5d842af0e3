package osbox.policy.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.policy.support.options.Options;

/** The sample option's range: 0 (off) or a period of at least MIN_PERIOD cycles. */
class AccessSamplingTest {

    private static long period(String sample) {
        return AccessSampling.period(Options.of(Map.of(AccessSampling.OPTION, AccessSampling.DEFAULT),
                Map.of(AccessSampling.OPTION, sample)));
    }

    @Test
    void zeroIsNoSamplingAndPeriodsFromTheMinimumUpAreKept() {
        assertEquals(Long.MAX_VALUE, period("0"));
        assertEquals(1_000, period("1000"));
        assertEquals(AccessSampling.DEFAULT_PERIOD, period(AccessSampling.DEFAULT));
    }

    @Test
    void periodsSoShortThatTheMachineWouldOnlySampleAreRefusedWithTheRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> period("1"));
        assertEquals("option 'sample' must be 0 (no sampling) or between 1000 and 9223372036854775807 cycles, "
                + "got 1 (each sampling scans every resident page)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> period("999"));
        assertThrows(IllegalArgumentException.class, () -> period("-1"));
    }
}
