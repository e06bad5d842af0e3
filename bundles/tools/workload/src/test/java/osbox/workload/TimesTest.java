package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimesTest {
    private static final long GHZ = 1_000_000_000L;

    @Test
    void cyclesAndUnits() {
        assertEquals(5_000_000L, Times.parse("5000000", GHZ));
        assertEquals(5_000_000L, Times.parse("5_000_000", GHZ));
        assertEquals(100L, Times.parse("100 cycles", GHZ));
        assertEquals(5_000_000L, Times.parse("5ms", GHZ));
        assertEquals(2_000_000_000L, Times.parse("2s", GHZ));
        assertEquals(1_500L, Times.parse("1.5us", GHZ));
        assertEquals(7L, Times.parse("7ns", GHZ));
        assertEquals(1_000L, Times.parse("1ms", 1_000_000L), "at 1 MHz a millisecond is 1000 cycles");
        assertEquals(1L, Times.parse("1.4ns", GHZ), "rounded to the nearest cycle");
        assertEquals(0L, Times.parse("0", GHZ));
    }

    @Test
    void badTimes() {
        for (String bad : new String[] {"", "-5", "5x", "ms", "1.5", "5 m s", "1e9", "99999999999999999999s"}) {
            assertThrows(IllegalArgumentException.class, () -> Times.parse(bad, GHZ), bad);
        }
    }

    @Test
    void unitsAreRecognised() {
        assertTrue(Times.hasUnit("100us"));
        assertTrue(Times.hasUnit("2.5 ms"));
        assertFalse(Times.hasUnit("100"));
        assertFalse(Times.hasUnit("0.5"));
        assertFalse(Times.hasUnit("true"));
    }

    @Test
    void formatting() {
        assertEquals("1.500", Times.ms(1_500_000, GHZ));
        assertEquals("0.001", Times.ms(1_000, GHZ));
        assertEquals("1500.000", Times.us(1_500_000, GHZ));
        assertEquals("0.001", Times.us(1, GHZ));
    }
}
