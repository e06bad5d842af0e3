package osbox.policy.support;

import java.util.List;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * The part of a clock page-replacement policy (CLOCK, enhanced CLOCK) that
 * keeps the face, a {@link ClockRing}: the resident pages in load order with
 * the hand on the oldest candidate. A new page is inserted just behind the
 * hand (immediately before the page it points at), so it is the last page
 * the hand examines on its next sweep, where the classic frame-array
 * formulation puts it. A subclass says only how the hand sweeps to a victim
 * ({@link #sweep}); the victim leaves the face and the hand stops on the page
 * after it. {@link #accessed} is ignored: the reference and dirty bits, read
 * through the context, tell.
 */
public abstract class ClockRingPolicy implements ReplacementPolicy {
    private final ClockRing ring = new ClockRing();
    private ReplacementContext context;

    /** Puts every resident page on the face, oldest first; the hand points at the oldest. */
    @Override
    public final void attach(ReplacementContext context, List<PageView> resident) {
        this.context = context;
        for (PageView p : resident) {
            ring.insertBehindHand(p);
        }
    }

    /** Drops everything. */
    @Override
    public final void detach() {
        while (ring.hand() != null) {
            ring.removeNode(ring.hand());
        }
        context = null;
    }

    /** Inserts the page just behind the hand. */
    @Override
    public final void loaded(PageView page) {
        ring.insertBehindHand(page);
    }

    /** Takes the page off the face; the hand moves on if it pointed at it. */
    @Override
    public final void removed(PageView page) {
        ring.remove(page);
    }

    /** The page {@link #sweep} finds, taken off the face with the hand on the page after it; null if nothing is resident. */
    @Override
    public final PageView victim() {
        ClockRing.Node hand = ring.hand();
        if (hand == null) {
            return null;
        }
        ClockRing.Node found = sweep(hand, ring.size());
        ring.hand(found);
        PageView victim = found.page();
        ring.removeNode(found);
        return victim;
    }

    /**
     * The victim's position, found by moving clockwise from {@code hand} over
     * a face of {@code size} (at least 1) pages, clearing reference bits on
     * the way through {@link #context()} as the algorithm says. Must return a
     * position on the face, and end after a bounded number of steps even
     * when a mechanism fails to clear the bits.
     */
    protected abstract ClockRing.Node sweep(ClockRing.Node hand, int size);

    /** The context given at attach (null before and after detach). */
    protected final ReplacementContext context() {
        return context;
    }

    /** The resident pages in the order the hand will examine them, starting with the page under the hand. */
    public final List<PageView> fromHand() {
        return ring.fromHand();
    }
}
