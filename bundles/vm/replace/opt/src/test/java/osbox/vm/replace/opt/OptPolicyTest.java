package osbox.vm.replace.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.vm.CheckedReplacement;
import osbox.testkit.vm.FakePage;
import osbox.testkit.vm.FakeReplacementContext;

/** OPT's choices with the future known, tied, and unknown. */
class OptPolicyTest {
    private static CheckedReplacement opt(FakeReplacementContext ctx) {
        return new CheckedReplacement(new OptProvider().create(Map.of()), ctx);
    }

    /** The page used furthest in the future goes; never again beats any position. */
    @Test
    void evictsThePageUsedFurthestAhead() {
        FakeReplacementContext ctx = new FakeReplacementContext();
        CheckedReplacement p = opt(ctx);
        FakePage a = p.load(1);
        FakePage b = p.load(2);
        FakePage c = p.load(3);
        ctx.future(page -> page.vpn() == 1 ? 10 : page.vpn() == 2 ? 30 : 20);
        assertEquals(b, p.evict());
        ctx.future(page -> page.vpn() == 1 ? Long.MAX_VALUE : 20);
        assertEquals(a, p.evict());
        assertEquals(c, p.evict());
    }

    /** Ties (pages never used again) go to the most recently loaded, as paging-policy.py. */
    @Test
    void tiesGoToTheLatestLoaded() {
        FakeReplacementContext ctx = new FakeReplacementContext().future(page -> Long.MAX_VALUE);
        CheckedReplacement p = opt(ctx);
        p.load(1);
        p.load(2);
        FakePage last = p.load(3);
        assertEquals(last, p.evict());
    }

    /** With the future unknown (-1, a live machine) it is FIFO: the oldest-loaded page goes. */
    @Test
    void unknownFutureFallsBackToFifo() {
        FakeReplacementContext ctx = new FakeReplacementContext();
        CheckedReplacement p = opt(ctx);
        FakePage first = p.load(1);
        FakePage second = p.load(2);
        p.load(3);
        p.access(first);
        assertEquals(first, p.evict());
        ctx.future(page -> page.vpn() == 2 ? -1 : 5);
        assertEquals(second, p.evict());
    }
}
