package osbox.vm.replace.clock;

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

/** CLOCK's own rules on small hand-worked cases. */
class ClockPolicyTest {
    /** Pages 0..n-1 (vpn = frame id) loaded one cycle apart, with the given reference bits. */
    private static List<FakePage> pages(boolean... referenced) {
        List<FakePage> out = new ArrayList<>();
        for (int i = 0; i < referenced.length; i++) {
            out.add(new FakePage(i).loadedAt(i).referenced(referenced[i]));
        }
        return out;
    }

    private static CheckedReplacement attached(List<FakePage> resident) {
        return new CheckedReplacement(new ClockPolicy(), new FakeReplacementContext(), resident);
    }

    private static List<Long> fromHand(CheckedReplacement p) {
        List<Long> ids = new ArrayList<>();
        for (PageView v : ((ClockPolicy) p.policy()).fromHand()) {
            ids.add(v.id());
        }
        return ids;
    }

    /**
     * A(1) B(0) C(1) D(0), hand at A: A gets a second chance (bit cleared), B is the victim, the hand stops
     * at C. A new page E goes just behind the hand, so the hand meets C, D, A, E. Next: C's bit is cleared,
     * D goes; then A (cleared on the first sweep); then E (referenced by its load) is spared and C goes.
     */
    @Test
    void referencedPagesGetASecondChance() {
        List<FakePage> ps = pages(true, false, true, false);
        CheckedReplacement p = attached(ps);
        assertEquals(List.of(0L, 1L, 2L, 3L), fromHand(p));
        assertEquals(1, p.evict().id());
        assertFalse(ps.get(0).referenced(), "A's second chance clears its bit");
        assertTrue(ps.get(2).referenced(), "the hand stopped before C");
        assertEquals(1, p.context().clears());
        assertEquals(List.of(2L, 3L, 0L), fromHand(p));

        p.context().advance(10);
        FakePage e = p.load(40);
        assertEquals(1, e.id(), "E takes the free frame 1");
        assertEquals(List.of(2L, 3L, 0L, 1L), fromHand(p), "E sits just behind the hand");

        assertEquals(3, p.evict().id());
        assertEquals(0, p.evict().id());
        assertEquals(2, p.evict().id(), "E's reference bit (its load) spares it once");
        assertEquals(1, p.evict().id());
    }

    /** With every bit set the hand goes all the way round, clearing each, and evicts the page it started at. */
    @Test
    void allReferencedDegeneratesToFifo() {
        List<FakePage> ps = pages(true, true, true, true);
        CheckedReplacement p = attached(ps);
        assertEquals(0, p.evict().id());
        assertEquals(4, p.context().clears());
        for (int i = 1; i < 4; i++) {
            assertFalse(ps.get(i).referenced());
        }
        assertEquals(List.of(1L, 2L, 3L), fromHand(p));
        assertEquals(1, p.evict().id());
        assertEquals(4, p.context().clears(), "nothing left to clear");
    }

    /** Unmapping the page under the hand moves the hand to the next one. */
    @Test
    void removingThePageUnderTheHandMovesTheHand() {
        List<FakePage> ps = pages(false, false, false, true);
        CheckedReplacement p = attached(ps);
        assertEquals(0, p.evict().id());
        assertEquals(List.of(1L, 2L, 3L), fromHand(p));
        p.remove(ps.get(1));
        assertEquals(List.of(2L, 3L), fromHand(p));
        p.remove(ps.get(3));
        assertEquals(2, p.evict().id());
    }

    /** Pages loaded one by one go on the face in load order; accessed() changes nothing, only the bits count. */
    @Test
    void loadOrderAndBitsOnly() {
        CheckedReplacement p = attached(List.of());
        FakePage a = p.load(100);
        FakePage b = p.load(101);
        FakePage c = p.load(102);
        assertEquals(List.of(0L, 1L, 2L), fromHand(p));
        p.context().referenced(a, false).referenced(b, false).referenced(c, false);
        p.access(a);
        p.context().referenced(a, false);
        assertEquals(a.id(), p.evict().id(), "accessed() without a reference bit does not protect a page");
        p.context().referenced(c, true);
        assertEquals(b.id(), p.evict().id());
        assertEquals(c.id(), p.evict().id());
    }

    /** The OSTEP-style loop: three frames, 1,2,3,4,1,2,5,1,2,3,4,5, each access sets the bit. */
    @Test
    void referenceStringWithThreeFrames() {
        assertEquals("MMMMMMMHHMMH", run(3, 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5));
    }

    /** The same string with four frames. */
    @Test
    void referenceStringWithFourFrames() {
        assertEquals("MMMMHHMMMMMM", run(4, 1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5));
    }

    /** No options; an unknown one is named. */
    @Test
    void optionsAreValidated() {
        ClockProvider prov = new ClockProvider();
        assertInstanceOf(ClockPolicy.class, prov.create(Map.of()));
        assertEquals(Map.of(), prov.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> prov.create(Map.of("hand", "0")));
        assertEquals("unknown option 'hand' (known: none)", e.getMessage());
    }

    /** H for a hit, M for a miss, replaying refs over frames frames as the mechanism would. */
    static String run(int frames, int... refs) {
        CheckedReplacement p = attached(List.of());
        StringBuilder out = new StringBuilder();
        for (int vpn : refs) {
            p.context().advance(1);
            out.append(p.reference(vpn, false, frames) ? 'H' : 'M');
        }
        return out.toString();
    }
}
