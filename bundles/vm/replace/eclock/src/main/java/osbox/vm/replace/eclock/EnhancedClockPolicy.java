package osbox.vm.replace.eclock;

import osbox.api.vm.replace.ReplacementContext;
import osbox.policy.support.ClockRing;
import osbox.policy.support.ClockRingPolicy;

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
public final class EnhancedClockPolicy extends ClockRingPolicy {
    /** Up to four turns from the hand: (0,0) without clearing, then (0,1) clearing, twice. */
    @Override
    protected ClockRing.Node sweep(ClockRing.Node hand, int size) {
        ClockRing.Node n = hand;
        for (int turn = 0; turn < 4; turn++) {
            boolean wantDirty = turn % 2 == 1;
            for (int i = 0; i < size; i++) {
                if (context().referenced(n.page())) {
                    if (wantDirty) {
                        context().clearReferenced(n.page());
                    }
                } else if (context().dirty(n.page()) == wantDirty) {
                    return n;
                }
                n = n.next();
            }
        }
        return n;
    }
}
