package osbox.vm.replace.clock;

import osbox.policy.support.ClockRing;

import java.util.List;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

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
public final class ClockPolicy implements ReplacementPolicy {
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

    /** Sweeps from the hand, giving referenced pages a second chance; null if nothing is resident. */
    @Override
    public PageView victim() {
        ClockRing.Node n = ring.hand();
        if (n == null) {
            return null;
        }
        int limit = 2 * ring.size();
        for (int step = 0; step < limit && context.referenced(n.page()); step++) {
            context.clearReferenced(n.page());
            n = n.next();
        }
        ring.hand(n);
        PageView victim = n.page();
        ring.removeNode(n);
        return victim;
    }

    /** The resident pages in the order the hand will examine them, starting with the page under the hand. */
    public List<PageView> fromHand() {
        return ring.fromHand();
    }
}
