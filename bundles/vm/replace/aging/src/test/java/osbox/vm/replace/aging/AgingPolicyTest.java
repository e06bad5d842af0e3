package osbox.vm.replace.aging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakePage;
import osbox.testkit.vm.FakeReplacementContext;

/** Aging's counters and victims on small hand-worked cases (counters written in binary). */
class AgingPolicyTest {
    private static CheckedReplacement policy(int bits) {
        return new CheckedReplacement(new AgingPolicy(bits, 1000), new FakeReplacementContext());
    }

    private static long counter(CheckedReplacement p, FakePage page) {
        return ((AgingPolicy) p.policy()).counter(page);
    }

    /**
     * 4 bits. A, B, C loaded (each load an access). Tick: 1000 each. A and C accessed, tick: A 1100, B 0100,
     * C 1100. B accessed, tick: A 0110, B 1010, C 0110. Victim: A and C tie at 0110, A is older.
     */
    @Test
    void countersShiftWithTheReferenceBitOnTop() {
        CheckedReplacement p = policy(4);
        FakePage a = p.load(10);
        p.context().advance(1);
        FakePage b = p.load(11);
        p.context().advance(1);
        FakePage c = p.load(12);
        p.tick();
        assertEquals(0b1000, counter(p, a));
        assertEquals(0b1000, counter(p, b));
        assertEquals(0b1000, counter(p, c));
        assertFalse(a.referenced() || b.referenced() || c.referenced(), "the tick clears the bits");
        assertEquals(3, p.context().clears());

        p.access(a);
        p.access(c);
        p.tick();
        assertEquals(0b1100, counter(p, a));
        assertEquals(0b0100, counter(p, b));
        assertEquals(0b1100, counter(p, c));

        p.access(b);
        p.tick();
        assertEquals(0b0110, counter(p, a));
        assertEquals(0b1010, counter(p, b));
        assertEquals(0b0110, counter(p, c));

        assertEquals(a.id(), p.evict().id(), "0110 ties: the oldest loaded goes");
        p.access(c);
        assertEquals(b.id(), p.evict().id(), "C was accessed since the tick: B (1010) goes before it");
        assertEquals(c.id(), p.evict().id());
    }

    /** The hardware bit alone (no accessed() call, as on the machine after a TLB hit) feeds the tick. */
    @Test
    void referenceBitWithoutAnAccessEventCounts() {
        CheckedReplacement p = policy(8);
        FakePage a = p.load(1);
        FakePage b = p.load(2);
        p.tick();
        p.context().referenced(b, true);
        p.tick();
        assertEquals(0b0100_0000, counter(p, a));
        assertEquals(0b1100_0000, counter(p, b));
        assertFalse(b.referenced());
        assertEquals(a.id(), p.evict().id());
    }

    /** Accessed since the last tick outranks any counter: the page with 1100 goes before a fresh 0000 one. */
    @Test
    void anAccessSinceTheTickActsAsTheTopBitAtOnce() {
        CheckedReplacement p = policy(4);
        FakePage a = p.load(1);
        p.tick();
        p.access(a);
        p.tick();
        assertEquals(0b1100, counter(p, a));
        FakePage b = p.load(2);
        assertEquals(0, counter(p, b));
        assertTrue(((AgingPolicy) p.policy()).accessedSinceTick(b));
        assertEquals(a.id(), p.evict().id());
        p.tick();
        assertEquals(0b1000, counter(p, b), "the load counts once, not twice (bit and flag)");
    }

    /** History older than the counter's width is forgotten. */
    @Test
    void oldReferencesShiftOut() {
        CheckedReplacement p = policy(2);
        FakePage a = p.load(1);
        p.tick();
        assertEquals(0b10, counter(p, a));
        p.tick();
        assertEquals(0b01, counter(p, a));
        p.tick();
        assertEquals(0, counter(p, a));
    }

    /** 64-bit counters compare unsigned: the top bit is the most recent tick, not a sign. */
    @Test
    void sixtyFourBitCountersCompareUnsigned() {
        CheckedReplacement p = policy(64);
        FakePage a = p.load(1);
        p.tick();
        FakePage b = p.load(2);
        p.tick();
        assertEquals(1L << 62, counter(p, a));
        assertEquals(Long.MIN_VALUE, counter(p, b));
        assertEquals(a.id(), p.evict().id());
    }

    /** Seeded pages: a set reference bit counts as an access since the last tick. */
    @Test
    void attachReadsTheReferenceBits() {
        FakePage old = new FakePage(0).loadedAt(0).referenced(true);
        FakePage young = new FakePage(1).loadedAt(5).referenced(false);
        CheckedReplacement p = new CheckedReplacement(new AgingPolicy(8, 10), new FakeReplacementContext(),
                List.of(old, young));
        assertEquals(young.id(), p.evict().id());
    }

    /** A tick after every access, 8 bits: on this string aging decides as LRU (3 frames: 10 misses). */
    @Test
    void tickAfterEveryAccessActsAsLruThreeFrames() {
        assertEquals("MMMMMMMHHMMM", run(3, true, 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5));
    }

    /** The same with 4 frames: 8 misses, as LRU. */
    @Test
    void tickAfterEveryAccessActsAsLruFourFrames() {
        assertEquals("MMMMHHMHHMMM", run(4, true, 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5));
    }

    /** Without ticks every page was accessed since the last one: ties all round, so FIFO (9 misses). */
    @Test
    void withoutTicksItIsFifo() {
        assertEquals("MMMMMMMHHMMH", run(3, false, 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5));
    }

    /** bits and period are read and validated; underscores group the period's digits. */
    @Test
    void optionsAreValidated() {
        AgingProvider prov = new AgingProvider();
        assertEquals(Map.of("bits", "8", "period", "1000000"), prov.defaults());
        AgingPolicy d = (AgingPolicy) prov.create(Map.of());
        assertEquals(8, d.bits());
        assertEquals(1_000_000, d.tickPeriod());
        AgingPolicy p = (AgingPolicy) prov.create(Map.of("bits", "16", "period", "5_000"));
        assertEquals(16, p.bits());
        assertEquals(5000, p.tickPeriod());
        assertEquals(64, ((AgingPolicy) prov.create(Map.of("bits", "64"))).bits());
        for (Map<String, String> bad : List.of(Map.of("bits", "0"), Map.of("bits", "65"), Map.of("bits", "eight"),
                Map.of("bits", "-1"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prov.create(bad));
            assertTrue(e.getMessage().contains("'bits'"), e.getMessage());
        }
        for (Map<String, String> bad : List.of(Map.of("period", "0"), Map.of("period", "1e6"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prov.create(bad));
            assertTrue(e.getMessage().contains("'period'"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prov.create(Map.of("width", "8")));
        assertEquals("unknown option 'width' (known: bits, period)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new AgingPolicy(8, 0));
    }

    /** H for a hit, M for a miss, 8-bit counters; ticking after every access or never. */
    static String run(int frames, boolean tickEachAccess, int... refs) {
        CheckedReplacement p = policy(8);
        StringBuilder out = new StringBuilder();
        for (int vpn : refs) {
            p.context().advance(1);
            out.append(p.reference(vpn, false, frames) ? 'H' : 'M');
            if (tickEachAccess) {
                p.tick();
            }
        }
        return out.toString();
    }
}
