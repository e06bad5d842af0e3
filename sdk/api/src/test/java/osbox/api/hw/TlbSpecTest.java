package osbox.api.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one TLB spec parser: every form, every error (the script, the launcher and the MMU use it). */
class TlbSpecTest {

    @Test
    void parsesTheLongForm() {
        assertEquals(new TlbSpec(64, 4, true, false), TlbSpec.parse("entries=64,ways=4,asid=on,refill=hardware"));
        assertEquals(new TlbSpec(64, 4, false, true), TlbSpec.parse("entries=64, ways=4, asid=off, refill=software"));
        assertEquals(new TlbSpec(32, 32, true, false), TlbSpec.parse("size=32,assoc=full"));
        assertEquals(new TlbSpec(256, 1, false, false), TlbSpec.parse("asids=false"));
        assertEquals(new TlbSpec(256, 1, true, false), TlbSpec.parse("asid=yes,refill=hw"));
        assertEquals(new TlbSpec(256, 1, false, false), TlbSpec.parse("asid=0"));
        assertEquals(new TlbSpec(256, 2, true, true), TlbSpec.parse("REFILL=SW"), "software refill gets 2 ways");
    }

    @Test
    void parsesTheShortForm() {
        assertEquals(new TlbSpec(64, 4, true, false), TlbSpec.parse("64x4"));
        assertEquals(new TlbSpec(64, 1, true, false), TlbSpec.parse(" 64 "));
        assertEquals(new TlbSpec(16, 16, true, false), TlbSpec.parse("16xFULL"));
        assertEquals(new TlbSpec(128, 2, false, true), TlbSpec.parse("128x2,asid=off,refill=software"));
        assertEquals(new TlbSpec(65536, 1, true, false), TlbSpec.parse("65536"));
    }

    @Test
    void unnamedItemsComeFromTheBase() {
        TlbSpec base = new TlbSpec(64, 8, false, true);
        assertEquals(base, TlbSpec.parse(null, base));
        assertEquals(base, TlbSpec.parse(" ", base));
        assertEquals(new TlbSpec(64, 8, true, true), TlbSpec.parse("asid=on", base));
        assertEquals(new TlbSpec(4, 4, false, true), TlbSpec.parse("entries=4", base), "as associative as it can be");
        assertEquals(TlbSpec.DEFAULT, TlbSpec.parse(""));
        TlbSpec c = new TlbSpec(64, 4, false, true);
        assertEquals("entries=64,ways=4,asid=off,refill=software", c.spec());
        assertEquals(c, TlbSpec.parse(c.spec()));
    }

    @Test
    void everyErrorSaysWhyOnOneLine() {
        expect("64x3", "ways must be a power of two (1 = direct-mapped), not 3");
        expect("100", "entries must be a power of two from 1 to 65536, not 100");
        expect("entries=0", "entries must be a power of two from 1 to 65536, not 0");
        expect("entries=131072", "entries must be a power of two from 1 to 65536, not 131072");
        expect("99999999999999", "entries must be a power of two from 1 to 65536, not 2147483647");
        expect("8x16", "more ways (16) than entries (8); ways=8 or full is fully associative");
        expect("entries=sixty", "entries must be a number, not 'sixty'");
        expect("entries=-1", "entries must be a number, not '-1'");
        expect("ways=many", "ways must be a number, not 'many'");
        expect("64x", "ways must be a number, not ''");
        expect("asid=maybe", "asid must be on or off, not 'maybe'");
        expect("refill=magic", "refill must be hardware or software, not 'magic'");
        expect("colour=blue", "unknown key 'colour' (known: entries, ways, asid, refill)");
        expect("64x4,", "empty item (a stray comma?); syntax " + TlbSpec.SYNTAX);
        expect("asid=off,", "empty item (a stray comma?); syntax " + TlbSpec.SYNTAX);
        expect(",64x4", "empty item (a stray comma?); syntax " + TlbSpec.SYNTAX);
        expect("64x4,,asid=on", "empty item (a stray comma?); syntax " + TlbSpec.SYNTAX);
        expect("asid=on,64x4",
                "'64x4' is not KEY=VALUE (the ENTRIESxWAYS short form must come first); syntax " + TlbSpec.SYNTAX);
        expect("entries=1,refill=software", "a software-managed TLB needs at least 2 entries"
                + " (an access that crosses a page needs both pages)");
        expect("64x1,refill=software", "a software-managed TLB needs at least 2 ways (direct-mapped, an"
                + " instruction whose code and data pages share a set would miss forever)");
        expect("ways=1,refill=software", "a software-managed TLB needs at least 2 ways (direct-mapped, an"
                + " instruction whose code and data pages share a set would miss forever)");
    }

    private static void expect(String spec, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlbSpec.parse(spec), spec);
        assertEquals(message, e.getMessage(), spec);
        assertFalse(e.getMessage().contains("\n"), spec);
    }
}
