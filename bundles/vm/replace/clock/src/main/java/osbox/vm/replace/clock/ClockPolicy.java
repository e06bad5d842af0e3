package osbox.vm.replace.clock;

import osbox.api.vm.replace.ReplacementContext;
import osbox.policy.support.ClockRing;
import osbox.policy.support.ClockRingPolicy;

/**
 * CLOCK (second chance). The resident pages sit on a circular list in load
 * order with a hand pointing at the oldest candidate. To find a victim the
 * hand sweeps: a page whose reference bit is set gets a second chance (the bit
 * is cleared through {@link ReplacementContext#clearReferenced} and the hand
 * moves on); the first page found with the bit clear is the victim, and the
 * hand stops on the page after it.
 *
 * <p>A new page is inserted just behind the hand, that is, immediately before
 * the page the hand points at, so it is the last page the hand examines on its
 * next sweep. This is where the classic frame-array formulation puts it: the
 * new page takes the victim's frame and the hand has already moved past it.
 *
 * <p>Only the reference bits matter: {@link #accessed} is ignored (on the
 * machine it reports the kernel's own accesses to user pages, and sampled
 * reference bits only for policies that ask for sampling; the bit tells the
 * truth either way).
 * A sweep takes at most one full turn plus one step, since the second visit
 * to a page finds its bit cleared; should a mechanism fail to clear bits, the
 * sweep stops after two turns and evicts the page under the hand.
 */
public final class ClockPolicy extends ClockRingPolicy {
    /** From the hand, clears the bit of each referenced page and moves on; the first unreferenced page is the victim. */
    @Override
    protected ClockRing.Node sweep(ClockRing.Node hand, int size) {
        ClockRing.Node n = hand;
        int limit = 2 * size;
        for (int step = 0; step < limit && context().referenced(n.page()); step++) {
            context().clearReferenced(n.page());
            n = n.next();
        }
        return n;
    }
}
