package osbox.vm.replace.eclock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.vm.replace.PageView;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakePage;
import osbox.testkit.vm.FakeReplacementContext;

/** Enhanced CLOCK's four turns on small hand-worked cases; pages are written "(reference, dirty)". */
class EnhancedClockPolicyTest {
    /** Pages 0..n-1 loaded one cycle apart; classes as "rd" pairs of 0/1, e.g. "10", "01". */
    private static List<FakePage> pages(String... classes) {
        List<FakePage> out = new ArrayList<>();
        for (int i = 0; i < classes.length; i++) {
            out.add(new FakePage(i).loadedAt(i)
                    .referenced(classes[i].charAt(0) == '1')
                    .dirty(classes[i].charAt(1) == '1'));
        }
        return out;
    }

    private static CheckedReplacement attached(List<FakePage> resident) {
        return new CheckedReplacement(new EnhancedClockPolicy(), new FakeReplacementContext(), resident);
    }

    private static List<Long> fromHand(CheckedReplacement p) {
        List<Long> ids = new ArrayList<>();
        for (PageView v : ((EnhancedClockPolicy) p.policy()).fromHand()) {
            ids.add(v.id());
        }
        return ids;
    }

    /** Turn 1 finds the (0,0) page C past a (0,1) page and clears nothing. */
    @Test
    void firstTurnTakesAnUnreferencedCleanPageAndClearsNothing() {
        List<FakePage> ps = pages("10", "01", "00", "11");
        CheckedReplacement p = attached(ps);
        assertEquals(2, p.evict().id());
        assertEquals(0, p.context().clears());
        assertTrue(ps.get(0).referenced());
        assertEquals(List.of(3L, 0L, 1L), fromHand(p), "the hand stops after the victim");
    }

    /** Plain CLOCK would evict the dirty B here; the enhanced one prefers the clean C. */
    @Test
    void prefersACleanPageWhereClockWouldTakeADirtyOne() {
        CheckedReplacement p = attached(pages("10", "01", "00"));
        assertEquals(2, p.evict().id());
    }

    /** No (0,0): turn 2 clears A's bit on the way and takes the (0,1) page B; C and D keep their bits. */
    @Test
    void secondTurnTakesAnUnreferencedDirtyPageClearingOnTheWay() {
        List<FakePage> ps = pages("10", "01", "11", "10");
        CheckedReplacement p = attached(ps);
        assertEquals(1, p.evict().id());
        assertEquals(1, p.context().clears());
        assertFalse(ps.get(0).referenced());
        assertTrue(ps.get(2).referenced());
        assertTrue(ps.get(3).referenced());
        assertEquals(List.of(2L, 3L, 0L), fromHand(p));
    }

    /** All referenced: turn 2 clears every bit and finds nothing (each was referenced when passed); turn 3 takes the first clean page, B. */
    @Test
    void thirdTurnAfterEveryBitWasCleared() {
        List<FakePage> ps = pages("11", "10", "11", "10");
        CheckedReplacement p = attached(ps);
        assertEquals(1, p.evict().id());
        assertEquals(4, p.context().clears());
        assertEquals(List.of(2L, 3L, 0L), fromHand(p));
        assertEquals(3, p.evict().id(), "turn 1 now finds D (0,0) after passing C (0,1)");
    }

    /** All referenced and dirty: four turns, the page under the hand goes. */
    @Test
    void fourthTurnWhenEverythingIsDirty() {
        CheckedReplacement p = attached(pages("11", "11", "11"));
        assertEquals(0, p.evict().id());
        assertEquals(3, p.context().clears());
        assertEquals(1, p.evict().id(), "now all (0,1): turn 2 takes the page under the hand");
        assertEquals(3, p.context().clears());
    }

    /** A new page goes just behind the hand and is examined last. */
    @Test
    void newPagesGoBehindTheHand() {
        List<FakePage> ps = pages("00", "01", "10");
        CheckedReplacement p = attached(ps);
        assertEquals(0, p.evict().id());
        FakePage d = p.load(new FakePage(7).loadedAt(5));
        assertFalse(d.referenced());
        assertEquals(List.of(1L, 2L, 7L), fromHand(p));
        assertEquals(7, p.evict().id(), "the only (0,0) page, found on turn 1 after B and C");
        p.remove(ps.get(1));
        assertEquals(List.of(2L), fromHand(p));
    }

    /**
     * Three frames on 1,2,3,4,1,2,5,1,2,3,4,5; every load of page 1 is a write, each access sets the
     * reference bit. Ring from the hand, page(reference dirty):
     * 1 2 3 miss: [1(11) 2(10) 3(10)].
     * 4 miss: turn 1 none; turn 2 clears 1, 2, 3 (1 was referenced when passed); turn 3 takes 2:
     * [3(00) 1(01) 4(10)].
     * 1 hit: 1(11). 2 miss: turn 1 takes 3: [1(11) 4(10) 2(10)].
     * 5 miss: turns 1-2 clear all; turn 3 skips 1(01), takes 4: [2(00) 1(01) 5(10)].
     * 1 hit, 2 hit: [2(10) 1(11) 5(10)].
     * 3 miss: turn 2 clears all; turn 3 takes 2: [1(01) 5(00) 3(10)].
     * 4 miss: turn 1 skips 1(01), takes 5: [3(10) 1(01) 4(10)].
     * 5 miss: turn 1 none; turn 2 clears 3 and takes 1(01).
     * 9 misses; the dirty page 1 survives until it is the only unreferenced page.
     */
    @Test
    void referenceStringWithADirtyPage() {
        assertEquals("MMMMHMMHHMMM", run(3, 1, 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5));
    }

    /** No options; an unknown one is named. */
    @Test
    void optionsAreValidated() {
        EnhancedClockProvider prov = new EnhancedClockProvider();
        assertInstanceOf(EnhancedClockPolicy.class, prov.create(Map.of()));
        assertEquals(Map.of(), prov.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prov.create(Map.of("passes", "2")));
        assertTrue(e.getMessage().contains("passes"), e.getMessage());
    }

    /** H for a hit, M for a miss; every load of vpn written is a write (its dirty bit set). */
    static String run(int frames, int written, int... refs) {
        CheckedReplacement p = attached(List.of());
        StringBuilder out = new StringBuilder();
        for (int vpn : refs) {
            p.context().advance(1);
            out.append(p.reference(vpn, vpn == written, frames) ? 'H' : 'M');
        }
        return out.toString();
    }
}
