package org.example.osbox.nru;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.PagingResult;
import osbox.testkit.lab.PagingStep;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakePage;
import osbox.testkit.vm.FakeReplacementContext;

/** NRU's own rules: the four classes, the seeded tie-break, the periodic clearing, options, the lab. */
class NotRecentlyUsedPolicyTest {
    /** Pages 0..3, one per class: (referenced, dirty) = (1,1), (1,0), (0,1), (0,0). */
    private static List<FakePage> onePerClass() {
        return List.of(new FakePage(0).referenced(true).dirty(true), new FakePage(1).referenced(true),
                new FakePage(2).dirty(true), new FakePage(3));
    }

    private static CheckedReplacement attached(long seed, List<FakePage> pages) {
        return new CheckedReplacement(new NotRecentlyUsedPolicy(1_000_000), new FakeReplacementContext(seed), pages);
    }

    /** Lowest class first: unreferenced clean, unreferenced dirty, referenced clean, referenced dirty. */
    @Test
    void victimsGoByClass() {
        CheckedReplacement p = attached(0, onePerClass());
        NotRecentlyUsedPolicy nru = (NotRecentlyUsedPolicy) p.policy();
        assertEquals(List.of(3, 2, 1, 0), List.of(nru.pageClass(p.page(0)), nru.pageClass(p.page(1)),
                nru.pageClass(p.page(2)), nru.pageClass(p.page(3))));
        assertEquals(List.of(3L, 2L, 1L, 0L), List.of(p.evict().id(), p.evict().id(), p.evict().id(),
                p.evict().id()));
        assertEquals(0, p.context().randomCalls(), "one page per class: nothing to break a tie");
    }

    /** Ties are broken with the context's seeded random numbers: the same seed, the same victims; not FIFO. */
    @Test
    void tiesAreBrokenBySeededRandomNumbers() {
        Set<Long> firstVictims = new TreeSet<>();
        for (long seed = 0; seed < 20; seed++) {
            List<Long> a = drain(seed);
            assertEquals(a, drain(seed), "seed " + seed);
            firstVictims.add(a.get(0));
        }
        assertTrue(firstVictims.size() > 2, "the tie-break is not random: " + firstVictims);
    }

    private static List<Long> drain(long seed) {
        List<FakePage> pages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pages.add(new FakePage(i));
        }
        CheckedReplacement p = attached(seed, pages);
        List<Long> out = new ArrayList<>();
        while (p.size() > 0) {
            out.add(p.evict().id());
        }
        return out;
    }

    /** A tick clears every reference bit; pages used after it are protected, the others go first. */
    @Test
    void aTickClearsReferenceBits() {
        CheckedReplacement p = new CheckedReplacement(new NotRecentlyUsedPolicy(50), new FakeReplacementContext(3));
        assertEquals(50, p.policy().tickPeriod());
        List<FakePage> pages = new ArrayList<>();
        for (int vpn = 0; vpn < 4; vpn++) {
            p.context().advance(10);
            pages.add(p.load(vpn));
        }
        p.tick();
        assertEquals(4, p.context().clears());
        for (FakePage page : pages) {
            assertFalse(page.referenced());
        }
        p.access(pages.get(0));
        p.access(pages.get(2));
        Set<Long> first = new TreeSet<>(List.of(p.evict().vpn(), p.evict().vpn()));
        assertEquals(Set.of(1L, 3L), first, "the pages not used since the tick go first");
    }

    /**
     * The paging lab (a load and every hit set the reference bit; 3w is a write). Three frames, 1w 2 3 then 4,
     * no tick: 1 is referenced and dirty, 2 and 3 referenced and clean, so 4 replaces 2 or 3, never 1; which
     * one depends on the seed (java.util.Random's first numbers for neighbouring seeds are alike: 40 seeds).
     */
    @Test
    void pagingLabSparesTheDirtyPage() {
        Set<Long> victims = new TreeSet<>();
        for (long seed = 0; seed < 40; seed++) {
            PagingResult r = new PagingLab(new NotRecentlyUsedProvider().create(Map.of()), 3, seed)
                    .run(new long[] {1, 2, 3, 4}, new boolean[] {true, false, false, false});
            assertEquals(4, r.misses());
            PagingStep last = r.steps().get(3);
            assertNotEquals(1, last.victim(), "seed " + seed);
            victims.add(last.victim());
        }
        assertEquals(Set.of(2L, 3L), victims);
    }

    /** The period option is read and checked. */
    @Test
    void periodOptionIsChecked() {
        NotRecentlyUsedProvider provider = new NotRecentlyUsedProvider();
        assertEquals(1_000_000, ((NotRecentlyUsedPolicy) provider.create(Map.of())).period());
        assertEquals(4096, ((NotRecentlyUsedPolicy) provider.create(Map.of("period", "4_096"))).period());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("period", "0")));
        assertTrue(e.getMessage().contains("period"));
    }
}
