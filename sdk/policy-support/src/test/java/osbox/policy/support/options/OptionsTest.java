package osbox.policy.support.options;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The one option parser: lists as users write them, sizes, and a policy's options, with the exact messages. */
class OptionsTest {
    private static final Map<String, String> DEFAULTS = Map.of("quantum", "1000", "alpha", "0.5", "io", "false",
            "levels", "1,2");

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    /** A comma list (framework properties): trimmed, in the order given, a later key wins; blank is none. */
    @Test
    void parsesACommaList() {
        Map<String, String> m = Options.parseList(" quantum = 5 ,levels=3,quantum=7, empty=");
        assertEquals(List.of("quantum", "levels", "empty"), List.copyOf(m.keySet()));
        assertEquals(Map.of("quantum", "7", "levels", "3", "empty", ""), m);
        assertEquals(Map.of(), Options.parseList(null));
        assertEquals(Map.of(), Options.parseList("  "));
        assertEquals(Map.of("a", "b=c"), Options.parseList("a=b=c"), "the first = splits");
        assertEquals(Map.of("quantum", "1,2,4"), Options.parse("quantum=1,2,4"), "an item keeps its commas");
    }

    /** Items (Config Admin, shell words, launcher options); an item without a key is refused, trimmed, by name. */
    @Test
    void parsesItems() {
        assertEquals(List.of("b", "a"), List.copyOf(Options.parse("b=1", "a=2").keySet()));
        assertEquals(Map.of(), Options.parse((String[]) null));
        assertEquals("option must be key=value: 'quantum'", message(() -> Options.parse("x=1", " quantum ")));
        assertEquals("option must be key=value: '=5'", message(() -> Options.parse("=5")));
        assertEquals("option must be key=value: '= 5'", message(() -> Options.parse(" = 5")));
        assertEquals("option must be key=value: 'a'", message(() -> Options.parseList("x=1,a")));
        assertThrows(UnsupportedOperationException.class, () -> Options.parse("a=1").put("b", "2"));
    }

    /** Sizes: suffixes K M G T (powers of 1024, any case, B or iB after), plain bytes, bounds. */
    @Test
    void sizes() {
        assertEquals(0, Options.size("0"));
        assertEquals(4096, Options.size("4096"));
        assertEquals(64L << 20, Options.size("64M"));
        assertEquals(1L << 30, Options.size(" 1g "));
        assertEquals(512L << 10, Options.size("512KiB"));
        assertEquals(64L << 20, Options.size("64MB"));
        assertEquals(2L << 40, Options.size("2T"));
        assertEquals("not a size (use e.g. 4096K, 64M, 1G)", message(() -> Options.size("12X")));
        assertEquals("not a size (use e.g. 4096K, 64M, 1G)", message(() -> Options.size("-1")));
        assertEquals("not a size (use e.g. 4096K, 64M, 1G)", message(() -> Options.size("M")));
        assertEquals("not a size (use e.g. 4096K, 64M, 1G)", message(() -> Options.size(null)));
        assertEquals("too large (at most 4T)", message(() -> Options.size("5T", 4L << 40)));
        assertEquals(4L << 40, Options.size("4T", 4L << 40));
        assertEquals("too large (at most 4T)", message(() -> Options.size("99999999999999999999", 4L << 40)));
        assertEquals("too large (at most 9223372036854775807)", message(() -> Options.size("8388608T")));
    }

    /** Memory and swap: whole 4 KiB pages, and 0 only where allowed. */
    @Test
    void pages() {
        assertEquals(8192, Options.pages("8192", 4L << 40, true));
        assertEquals(0, Options.pages("0", 4L << 40, true));
        assertEquals("must be more than 0 (use e.g. 4096K, 64M, 1G)",
                message(() -> Options.pages("0", 4L << 40, false)));
        assertEquals("not a whole number of 4 KiB pages (use e.g. 0, 4096K, 64M, 1G)",
                message(() -> Options.pages("1000", 4L << 40, true)));
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
        assertEquals(1000, Options.of(DEFAULTS, null).longIn("quantum", 1, 10_000));
    }

    /** One format: the option named in quotes, never the policy; known options sorted, comma-separated. */
    @Test
    void messages() {
        assertEquals("unknown option 'zz' (known: alpha, io, levels, quantum)",
                message(() -> Options.of(DEFAULTS, Map.of("zzz", "2", "zz", "1"))));
        assertEquals("unknown option 'x' (known: none)", message(() -> Options.of(Map.of(), Map.of("x", "1"))));
        assertEquals("option 'quantum' must be an integer, got 'x'",
                message(() -> Options.of(DEFAULTS, Map.of("quantum", "x")).longAtLeast("quantum", 1)));
        assertEquals("option 'quantum' must be an integer, got '1_000'",
                message(() -> Options.of(DEFAULTS, Map.of("quantum", "1_000")).longAtLeast("quantum", 1)));
        assertEquals("option 'quantum' must be at least 1, got 0",
                message(() -> Options.of(DEFAULTS, Map.of("quantum", "0")).longAtLeast("quantum", 1)));
        assertEquals("option 'quantum' must be between 1 and 10, got 11",
                message(() -> Options.of(DEFAULTS, Map.of("quantum", "11")).longIn("quantum", 1, 10)));
        assertEquals("option 'quantum' must be an integer, got '#bogus#'",
                message(() -> Options.of(DEFAULTS, Map.of("quantum", "#bogus#")).longIn("quantum", 1, 10)));
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
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("quantum", null);
        assertEquals("option 'quantum' has no value", message(() -> Options.of(DEFAULTS, nullValue)));
        Map<String, String> nullName = new HashMap<>();
        nullName.put(null, "1");
        assertEquals("option with a null name", message(() -> Options.of(DEFAULTS, nullName)));
    }

    /** What the parser reads is what validation checks: a parsed list goes straight into of(). */
    @Test
    void parsedListsValidate() {
        Options o = Options.of(DEFAULTS, Options.parseList("quantum=7,io=true"));
        assertEquals(7, o.longAtLeast("quantum", 1));
        assertEquals(true, o.bool("io"));
    }

    /** longIn accepts underscores between digits; longAtLeast does not. */
    @Test
    void underscoresInLongIn() {
        assertEquals(1_000_000, Options.of(DEFAULTS, Map.of("quantum", "1_000_000"))
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
        assertEquals("defaults need name, value pairs, got 1 strings", message(() -> Options.defaults("a")));
        assertEquals("default 'a' given twice", message(() -> Options.defaults("a", "1", "a", "2")));
    }
}
