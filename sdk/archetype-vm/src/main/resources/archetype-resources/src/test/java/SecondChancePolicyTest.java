package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.vm.replace.PageView;
import osbox.testkit.lab.PagingLab;
import osbox.testkit.lab.PagingResult;
import osbox.testkit.lab.PagingStep;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakePage;
import osbox.testkit.vm.FakeReplacementContext;

/** The policy's own rules: second chances, clean pages first, options, and the paging lab. */
class SecondChancePolicyTest {
    /** Pages 0..n-1 (vpn = frame), loaded one cycle apart, with these reference bits. */
    private static List<FakePage> pages(boolean... referenced) {
        List<FakePage> out = new ArrayList<>();
        for (int i = 0; i < referenced.length; i++) {
            out.add(new FakePage(i).loadedAt(i).referenced(referenced[i]));
        }
        return out;
    }

    private static List<Long> queue(CheckedReplacement p) {
        List<Long> ids = new ArrayList<>();
        for (PageView v : ((SecondChancePolicy) p.policy()).queue()) {
            ids.add(v.id());
        }
        return ids;
    }

    /** A(1) B(0) C(1): A's bit is cleared and A goes to the back, B is the victim; then C, then A. */
    @Test
    void aReferencedPageGetsASecondChance() {
        List<FakePage> ps = pages(true, false, true);
        CheckedReplacement p = new CheckedReplacement(new SecondChancePolicy(false), new FakeReplacementContext(), ps);
        assertEquals(1, p.evict().id());
        assertFalse(ps.get(0).referenced(), "A's second chance cleared its bit");
        assertEquals(List.of(2L, 0L), queue(p));
        assertEquals(0, p.evict().id(), "C's bit is cleared, A (cleared before) goes");
        assertEquals(2, p.evict().id());
    }

    /** With prefer-clean an unreferenced dirty page is passed over once; with only dirty pages the oldest goes. */
    @Test
    void preferCleanPassesOverDirtyPagesOnce() {
        List<FakePage> ps = pages(false, false, false);
        ps.get(0).dirty(true);
        CheckedReplacement p = new CheckedReplacement(new SecondChancePolicy(true), new FakeReplacementContext(), ps);
        assertEquals(1, p.evict().id(), "the clean page goes before the older dirty one");
        ps.get(2).dirty(true);
        assertEquals(List.of(2L, 0L), queue(p), "the dirty page went to the back when it was passed over");
        assertEquals(2, p.evict().id(), "all dirty: after one pass the page at the front goes");

        CheckedReplacement plain = new CheckedReplacement(new SecondChancePolicy(false), new FakeReplacementContext(),
                pages(false, false));
        plain.context().dirty(plain.page(0), true);
        assertEquals(0, plain.evict().id(), "without prefer-clean the dirty bit does not matter");
    }

    /**
     * The paging lab (a load and every hit set the reference bit), OSTEP's reference string with three frames:
     * as CLOCK, 9 misses; the victims are 1, 2, 3, 4, 1, 2.
     */
    @Test
    void pagingLabWithThreeFrames() {
        PagingResult r = new PagingLab(new SecondChanceProvider().create(Map.of()), 3, 0)
                .run(1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5);
        StringBuilder hm = new StringBuilder();
        for (boolean hit : r.hitList()) {
            hm.append(hit ? 'H' : 'M');
        }
        assertEquals("MMMMMMMHHMMH", hm.toString());
        List<Long> victims = new ArrayList<>();
        for (PagingStep s : r.steps()) {
            if (s.victim() >= 0) {
                victims.add(s.victim());
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 1L, 2L), victims);
    }

    /** The option is read and checked. */
    @Test
    void preferCleanOptionIsChecked() {
        SecondChanceProvider provider = new SecondChanceProvider();
        assertTrue(((SecondChancePolicy) provider.create(Map.of("prefer-clean", "true"))).preferClean());
        assertFalse(((SecondChancePolicy) provider.create(Map.of())).preferClean());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> provider.create(Map.of("prefer-clean", "yes")));
        assertTrue(e.getMessage().contains("prefer-clean"));
    }
}
