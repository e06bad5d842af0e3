package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void badSpecsAreRejectedByTheApisParser() {
        // every rule and message is the API's TlbSpec (TlbSpecTest); TlbConfig only delegates
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlbConfig.parse("64x3"));
        assertEquals("ways must be a power of two (1 = direct-mapped), not 3", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TlbConfig(8, 16, true, false));
    }
}
