package osbox.policy.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Option merging and validation, with the exact messages of both forms. */
class OptionsTest {
    private static final Map<String, String> DEFAULTS = Map.of("quantum", "1000", "alpha", "0.5", "io", "false",
            "levels", "1,2");

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    /** Given values replace defaults and are trimmed; the rest keep their defaults. */
    @Test
    void mergesOverDefaults() {
        Options o = Options.of(DEFAULTS, Map.of("quantum", " 42 "));
        assertEquals(42, o.longAtLeast("quantum", 1));
        assertEquals(0.5, o.doubleWithin("alpha", 0, 1));
        assertFalse(o.bool("io"));
        assertArrayEquals(new long[] {1, 2}, o.longList("levels", 1));
        assertEquals("42", o.text("quantum"));
        assertEquals(1000, Options.of("p", DEFAULTS, null).longIn("quantum", 1, 10_000));
    }

    /** The bare form: messages without prefix, known names in brackets. */
    @Test
    void bareMessages() {
        assertEquals("unknown option 'zz' (known: [alpha, io, levels, quantum])",
                message(() -> Options.of(DEFAULTS, Map.of("zz", "1", "zzz", "2"))));
        assertEquals("option 'quantum' must be an integer, got 'x'",
                message(() -> Options.of(DEFAULTS, Map.of("quantum", "x")).longAtLeast("quantum", 1)));
        assertEquals("option 'quantum' must be an integer, got '1_000'",
                message(() -> Options.of(DEFAULTS, Map.of("quantum", "1_000")).longAtLeast("quantum", 1)));
        assertEquals("option 'quantum' must be at least 1, got 0",
                message(() -> Options.of(DEFAULTS, Map.of("quantum", "0")).longAtLeast("quantum", 1)));
        assertEquals("option 'alpha' must be a number, got 'half'",
                message(() -> Options.of(DEFAULTS, Map.of("alpha", "half")).doubleWithin("alpha", 0, 1)));
        assertEquals("option 'alpha' must be within [0.0, 1.0], got NaN",
                message(() -> Options.of(DEFAULTS, Map.of("alpha", "NaN")).doubleWithin("alpha", 0, 1)));
        assertEquals("option 'io' must be true or false, got 'yes'",
                message(() -> Options.of(DEFAULTS, Map.of("io", "yes")).bool("io")));
        assertEquals("option 'levels' values must be at least 1, got 0",
                message(() -> Options.of(DEFAULTS, Map.of("levels", "3, 0")).longList("levels", 1)));
        assertEquals("option 'levels' must be an integer, got ''",
                message(() -> Options.of(DEFAULTS, Map.of("levels", "3,")).longList("levels", 1)));
        assertEquals("option 'x' must be odd", Options.of(DEFAULTS, Map.of()).error("option 'x' must be odd")
                .getMessage());
    }

    /** The named form: "policy NAME: " before each message, known names as a plain list. */
    @Test
    void namedMessages() {
        assertEquals("policy cfs: unknown option 'zz' (known: alpha, io, levels, quantum)",
                message(() -> Options.of("cfs", DEFAULTS, Map.of("zz", "1"))));
        assertEquals("policy cfs: option 'quantum' must be between 1 and 10, got 11",
                message(() -> Options.of("cfs", DEFAULTS, Map.of("quantum", "11")).longIn("quantum", 1, 10)));
        assertEquals("policy cfs: option 'quantum' must be an integer, got '#bogus#'",
                message(() -> Options.of("cfs", DEFAULTS, Map.of("quantum", "#bogus#")).longIn("quantum", 1, 10)));
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("quantum", null);
        assertEquals("policy cfs: option 'quantum' has no value",
                message(() -> Options.of("cfs", DEFAULTS, nullValue)));
        Map<String, String> nullName = new HashMap<>();
        nullName.put(null, "1");
        assertEquals("policy cfs: option with a null name", message(() -> Options.of("cfs", DEFAULTS, nullName)));
    }

    /** longIn accepts underscores between digits; longAtLeast does not. */
    @Test
    void underscoresInLongIn() {
        assertEquals(1_000_000, Options.of("p", DEFAULTS, Map.of("quantum", "1_000_000"))
                .longIn("quantum", 1, Long.MAX_VALUE));
    }

    /** Reading a name that is not among the defaults is a programming error. */
    @Test
    void readingAnUndeclaredNameFails() {
        assertThrows(IllegalStateException.class, () -> Options.of(DEFAULTS, Map.of()).text("nope"));
    }

    /** defaults(...) keeps the listing order and is unmodifiable. */
    @Test
    void defaultsInOrder() {
        Map<String, String> d = Options.defaults("b", "1", "a", "2");
        assertEquals(List.of("b", "a"), List.copyOf(d.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> d.put("c", "3"));
        assertTrue(message(() -> Options.defaults("a")).contains("pairs"));
        assertTrue(message(() -> Options.defaults("a", "1", "a", "2")).contains("'a'"));
    }
}
