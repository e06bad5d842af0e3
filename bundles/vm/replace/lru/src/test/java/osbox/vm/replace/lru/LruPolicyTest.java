package osbox.vm.replace.lru;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakePage;
import osbox.testkit.vm.FakeReplacementContext;

/** LRU's order: loads and accesses make a page most recent; attach orders by last access. */
class LruPolicyTest {
    /** An access saves a page; the least recently used goes first. */
    @Test
    void accessesReorder() {
        FakeReplacementContext ctx = new FakeReplacementContext();
        CheckedReplacement p = new CheckedReplacement(new LruProvider().create(Map.of()), ctx);
        FakePage a = p.load(1);
        FakePage b = p.load(2);
        FakePage c = p.load(3);
        p.access(a);
        assertEquals(b, p.evict());
        p.access(c);
        assertEquals(a, p.evict());
        assertEquals(c, p.evict());
    }

    /** Attached with pages accessed after loading, it orders them by last access, not load time. */
    @Test
    void attachOrdersByLastAccess() {
        FakePage a = new FakePage(0, 10).loadedAt(0).lastAccess(500);
        FakePage b = new FakePage(1, 11).loadedAt(100).lastAccess(200);
        FakePage c = new FakePage(2, 12).loadedAt(300); // never accessed since: its load time counts
        CheckedReplacement p = new CheckedReplacement(new LruProvider().create(Map.of()),
                new FakeReplacementContext().now(600), List.of(a, b, c));
        assertEquals(b, p.evict());
        assertEquals(c, p.evict());
        assertEquals(a, p.evict());
    }

    /**
     * On the machine a use is seen only when the reference bits are sampled:
     * the pages found referenced become most recent, in load order.
     */
    @Test
    void sampledUsesReorder() {
        FakeReplacementContext ctx = new FakeReplacementContext();
        CheckedReplacement p = new CheckedReplacement(new LruProvider().create(Map.of()), ctx);
        assertEquals(100_000, p.policy().accessSamplePeriod());
        FakePage a = p.load(1);
        FakePage b = p.load(2);
        FakePage c = p.load(3);
        p.sample(); // all three referenced by their load: order unchanged
        p.use(c, false);
        p.use(a, true);
        assertEquals(2, p.sample()); // a, then c (load order) become most recent: b, a, c
        assertEquals(b, p.evict());
        assertEquals(a, p.evict());
        assertEquals(c, p.evict());
    }

    /** The sample option sets the period; 0 turns sampling off. */
    @Test
    void sampleOption() {
        LruProvider prov = new LruProvider();
        assertEquals(Map.of("sample", "100000"), prov.defaults());
        assertEquals(20_000, prov.create(Map.of("sample", "20000")).accessSamplePeriod());
        assertEquals(Long.MAX_VALUE, prov.create(Map.of("sample", "0")).accessSamplePeriod());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> prov.create(Map.of("sample", "often")));
    }
}
