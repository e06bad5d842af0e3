package osbox.vm.replace.eclock;

import osbox.policy.support.ClockRing;

import java.util.List;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * Enhanced CLOCK (enhanced second chance), in the four-step form given by
 * Stallings (Operating Systems: Internals and Design Principles, "Clock
 * policy"). Each page is in one of four classes by its (reference, dirty)
 * bits, read through the context: (0,0) neither recently used nor modified,
 * the best victim; (0,1) not recently used but modified, evicting it costs a
 * page-out; (1,0); (1,1).
 *
 * <p>The search starts at the hand and makes up to four turns of the face:
 * <ol>
 * <li>Turn 1 looks for a (0,0) page and changes nothing.</li>
 * <li>Turn 2 looks for a (0,1) page, clearing the reference bit of every
 *     page it passes over (through {@link ReplacementContext#clearReferenced}).</li>
 * <li>Turns 3 and 4 repeat turns 1 and 2; after turn 2 every reference bit
 *     is clear, so one of them finds a victim.</li>
 * </ol>
 * The first page matching the turn's class is the victim and the hand stops
 * on the page after it. The policy never clears dirty bits (only a page-out
 * does, by reloading the page). Should a mechanism fail to clear reference
 * bits, the page under the hand is evicted after the fourth turn.
 *
 * <p>As in {@code clock}, pages are on the face in load order and a new page
 * is inserted just behind the hand (immediately before the page it points
 * at), so it is examined last; {@link #accessed} is ignored, the bits tell.
 */
public final class EnhancedClockPolicy implements ReplacementPolicy {
    private final ClockRing ring = new ClockRing();
    private ReplacementContext context;

    /** Puts every resident page on the face, oldest first; the hand points at the oldest. */
    @Override
    public void attach(ReplacementContext context, List<PageView> resident) {
        this.context = context;
        for (PageView p : resident) {
            ring.insertBehindHand(p);
        }
    }

    /** Drops everything. */
    @Override
    public void detach() {
        while (ring.hand() != null) {
            ring.removeNode(ring.hand());
        }
        context = null;
    }

    /** Inserts the page just behind the hand. */
    @Override
    public void loaded(PageView page) {
        ring.insertBehindHand(page);
    }

    /** Takes the page off the face; the hand moves on if it pointed at it. */
    @Override
    public void removed(PageView page) {
        ring.remove(page);
    }

    /** Up to four turns from the hand: (0,0) without clearing, then (0,1) clearing, twice; null if nothing is resident. */
    @Override
    public PageView victim() {
        ClockRing.Node start = ring.hand();
        if (start == null) {
            return null;
        }
        int size = ring.size();
        ClockRing.Node n = start;
        ClockRing.Node found = null;
        for (int turn = 0; turn < 4 && found == null; turn++) {
            boolean wantDirty = turn % 2 == 1;
            for (int i = 0; i < size; i++) {
                if (context.referenced(n.page())) {
                    if (wantDirty) {
                        context.clearReferenced(n.page());
                    }
                } else if (context.dirty(n.page()) == wantDirty) {
                    found = n;
                    break;
                }
                n = n.next();
            }
        }
        if (found == null) {
            found = n;
        }
        ring.hand(found);
        PageView victim = found.page();
        ring.removeNode(found);
        return victim;
    }

    /** The resident pages in the order the hand will examine them, starting with the page under the hand. */
    public List<PageView> fromHand() {
        return ring.fromHand();
    }
}
