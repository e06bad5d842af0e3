package osbox.hw.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** TlbConfig: the MMU's record of the API's TlbSpec. */
class TlbConfigTest {

    @Test
    void parsesWithTheApisParserOverABase() {
        // every form is TlbSpecTest's (the API's TlbSpec, the one parser); here only the delegation
        assertEquals(new TlbConfig(128, 2, false, true), TlbConfig.parse("128x2,asid=off,refill=software"));
        TlbConfig base = new TlbConfig(64, 8, false, true);
        assertEquals(base, TlbConfig.parse(null, base));
        assertEquals(new TlbConfig(4, 4, false, true), TlbConfig.parse("entries=4", base));
        assertEquals(TlbConfig.DEFAULT, TlbConfig.parse(""));
        assertEquals(TlbConfig.of(osbox.api.hw.TlbSpec.DEFAULT), TlbConfig.DEFAULT);
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
