package osbox.vm.replace.lfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakePage;
import osbox.testkit.vm.FakeReplacementContext;

/** LFU's counts and victims on small hand-worked cases. */
class LfuPolicyTest {
    private static CheckedReplacement policy() {
        return new CheckedReplacement(new LfuPolicy(), new FakeReplacementContext());
    }

    private static long count(CheckedReplacement p, FakePage page) {
        return ((LfuPolicy) p.policy()).count(page);
    }

    /** A, B, C loaded (one access each), then A 3 more, B 1, C 2: counts 4, 2, 3, B goes; a new D (1) goes next. */
    @Test
    void fewestAccessesGoFirst() {
        CheckedReplacement p = policy();
        FakePage a = p.load(1);
        p.context().advance(1);
        FakePage b = p.load(2);
        p.context().advance(1);
        FakePage c = p.load(3);
        for (int i = 0; i < 3; i++) {
            p.access(a);
        }
        p.access(b);
        p.access(c, true);
        p.access(c);
        assertEquals(4, count(p, a));
        assertEquals(2, count(p, b));
        assertEquals(3, count(p, c));
        assertEquals(b.id(), p.evict().id());
        p.context().advance(1);
        FakePage d = p.load(4);
        assertEquals(1, count(p, d));
        assertEquals(d.id(), p.evict().id(), "a newly loaded page is the least frequently used");
        assertEquals(c.id(), p.evict().id());
        assertEquals(a.id(), p.evict().id());
    }

    /** Equal counts: the oldest loaded goes first, whatever the frame number. */
    @Test
    void tiesGoToTheOldestLoaded() {
        CheckedReplacement p = policy();
        FakePage young = p.load(new FakePage(0).loadedAt(50).accesses(2));
        FakePage old = p.load(new FakePage(5).loadedAt(10).accesses(2));
        FakePage mid = p.load(new FakePage(3).loadedAt(30).accesses(2));
        assertEquals(old.id(), p.evict().id());
        assertEquals(mid.id(), p.evict().id());
        assertEquals(young.id(), p.evict().id());
    }

    /** The count is the policy's own: seeded from accesses() at attach, then one per accessed() call. */
    @Test
    void countsAreSeededFromThePageAndGrowWithAccessEvents() {
        FakePage a = new FakePage(0).loadedAt(0).accesses(5);
        FakePage b = new FakePage(1).loadedAt(1).accesses(2);
        FakePage c = new FakePage(2).loadedAt(2).accesses(7);
        CheckedReplacement p = new CheckedReplacement(new LfuPolicy(), new FakeReplacementContext(),
                List.of(a, b, c));
        assertEquals(5, count(p, a));
        b.accesses(100);
        assertEquals(2, count(p, b), "later changes to accesses() are not read");
        p.access(b);
        p.access(b);
        p.access(b);
        assertEquals(5, count(p, b));
        assertEquals(a.id(), p.evict().id(), "A and B tie at 5, A is older");
        assertEquals(b.id(), p.evict().id());
    }

    /** A removed page leaves the ordering; a later load into its frame starts afresh. */
    @Test
    void removedPagesAreForgotten() {
        CheckedReplacement p = policy();
        FakePage a = p.load(1);
        FakePage b = p.load(2);
        p.access(b);
        p.remove(a);
        assertEquals(-1, count(p, a));
        p.context().advance(1);
        FakePage c = p.load(3);
        assertEquals(a.id(), c.id(), "frame reused");
        assertEquals(1, count(p, c));
        assertEquals(c.id(), p.evict().id());
        assertEquals(b.id(), p.evict().id());
    }

    /** Many pages with interleaved accesses: the victim order is the (count, loadedAt) order. */
    @Test
    void victimOrderIsCountThenAge() {
        CheckedReplacement p = policy();
        FakePage[] pages = new FakePage[8];
        for (int i = 0; i < 8; i++) {
            p.context().advance(1);
            pages[i] = p.load(i);
        }
        int[] extra = {3, 0, 2, 0, 1, 3, 0, 1};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 8; i++) {
                if (extra[i] > round) {
                    p.access(pages[i]);
                }
            }
        }
        // counts: 4 1 3 1 2 4 1 2 -> (1: vpns 1, 3, 6), (2: 4, 7), (3: 2), (4: 0, 5)
        StringBuilder order = new StringBuilder();
        while (p.size() > 0) {
            order.append(p.evict().vpn());
        }
        assertEquals("13647205", order.toString());
    }

    /** One option, sample (0: never); an unknown one is named. */
    @Test
    void optionsAreValidated() {
        LfuProvider prov = new LfuProvider();
        assertInstanceOf(LfuPolicy.class, prov.create(Map.of()));
        assertEquals(Map.of("sample", "100000"), prov.defaults());
        assertEquals(100_000, prov.create(Map.of()).accessSamplePeriod());
        assertEquals(5_000, prov.create(Map.of("sample", "5_000")).accessSamplePeriod());
        assertEquals(Long.MAX_VALUE, prov.create(Map.of("sample", "0")).accessSamplePeriod());
        assertThrows(IllegalArgumentException.class, () -> prov.create(Map.of("sample", "-1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prov.create(Map.of("decay", "0.5")));
        assertEquals("unknown option 'decay' (known: sample)", e.getMessage());
    }
}
