package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TlbConfigTest {

    @Test
    void parsesTheLongForm() {
        assertEquals(new TlbConfig(64, 4, true, false), TlbConfig.parse("entries=64,ways=4,asid=on,refill=hardware"));
        assertEquals(new TlbConfig(64, 4, false, true), TlbConfig.parse("entries=64, ways=4, asid=off, refill=software"));
        assertEquals(new TlbConfig(32, 32, true, false), TlbConfig.parse("entries=32,ways=full"));
        assertEquals(new TlbConfig(256, 1, false, false), TlbConfig.parse("asid=off"));
        assertEquals(new TlbConfig(256, 2, true, true), TlbConfig.parse("REFILL=SW"), "software refill defaults to 2 ways");
    }

    @Test
    void parsesTheShortForm() {
        assertEquals(new TlbConfig(64, 4, true, false), TlbConfig.parse("64x4"));
        assertEquals(new TlbConfig(64, 1, true, false), TlbConfig.parse("64"));
        assertEquals(new TlbConfig(16, 16, true, false), TlbConfig.parse("16xfull"));
        assertEquals(new TlbConfig(128, 2, false, true), TlbConfig.parse("128x2,asid=off,refill=software"));
    }

    @Test
    void unnamedItemsComeFromTheBaseAndEmptyIsTheBase() {
        TlbConfig base = new TlbConfig(64, 8, false, true);
        assertEquals(base, TlbConfig.parse(null, base));
        assertEquals(base, TlbConfig.parse(" ", base));
        assertEquals(new TlbConfig(64, 8, true, true), TlbConfig.parse("asid=on", base));
        assertEquals(new TlbConfig(4, 4, false, true), TlbConfig.parse("entries=4", base),
                "a TLB smaller than the base's ways becomes fully associative");
        assertEquals(TlbConfig.DEFAULT, TlbConfig.parse(""));
    }

    @Test
    void specAndDescribeRoundTrip() {
        TlbConfig c = new TlbConfig(64, 4, false, true);
        assertEquals("entries=64,ways=4,asid=off,refill=software", c.spec());
        assertEquals(c, TlbConfig.parse(c.spec()));
        assertEquals("Sv39, TLB 64 entries 4-way LRU, ASIDs", new TlbConfig(64, 4, true, false).describe());
        assertEquals("Sv39, TLB 1 entry direct-mapped, ASIDs", new TlbConfig(1, 1, true, false).describe());
        assertEquals(16, c.sets());
    }

    @Test
    void badSpecsAreRejectedWithMessagesThatNameTheProblem() {
        expect("64x3", "TLB ways must be a power of two");
        expect("100", "TLB entries must be a power of two between 1 and 65536: 100");
        expect("entries=0", "TLB entries must be a power of two");
        expect("entries=131072", "between 1 and 65536");
        expect("8x16", "TLB ways (16) cannot exceed entries (8)");
        expect("entries=sixty", "entries must be a number, not 'sixty'");
        expect("ways=many", "ways must be a number, not 'many'");
        expect("asid=maybe", "asid must be on or off, not 'maybe'");
        expect("refill=magic", "refill must be hardware or software, not 'magic'");
        expect("colour=blue", "unknown key 'colour'");
        expect("64x4,,asid=on", "empty item");
        expect("asid=on,64x4", "is not key=value");
        expect("entries=1,refill=software", "a software-managed TLB needs at least 2 entries");
        expect("64x1,refill=software", "a software-managed TLB needs at least 2 ways");
        expect("ways=1,refill=software", "a software-managed TLB needs at least 2 ways");
    }

    private static void expect(String spec, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlbConfig.parse(spec), spec);
        assertTrue(e.getMessage().contains(fragment), spec + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("bad TLB spec '" + spec + "'"), e.getMessage());
    }
}
