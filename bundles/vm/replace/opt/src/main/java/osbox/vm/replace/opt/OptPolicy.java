package osbox.vm.replace.opt;

import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.policy.support.PageListPolicy;

/**
 * OPT (Belady's MIN): evicts the resident page whose next access
 * ({@link ReplacementContext#nextAccess}) is furthest in the future, a page
 * never used again (Long.MAX_VALUE) first. Ties go to the most recently
 * loaded of the tied pages (OSTEP's paging-policy.py scans memory in load
 * order and keeps the last maximum), so lab answers equal its answers.
 *
 * <p>Only meaningful where the future is known (the lab). When the context
 * answers -1 (unknown) for any resident page it falls back to FIFO: the
 * oldest-loaded page. Pages are kept in load order in a linked list; a
 * victim costs one nextAccess call per resident page, O(n).
 */
public final class OptPolicy extends PageListPolicy {
    /** An empty policy; the list keeps load order. */
    public OptPolicy() {
        super(Order.LOAD);
    }

    /** The page used furthest in the future (FIFO when the future is unknown); forgets it. */
    @Override
    public PageView victim() {
        PageView best = null;
        long bestNext = -1;
        for (PageView p : pages().toList()) {
            long next = context().nextAccess(p);
            if (next < 0) {
                return pages().pollFirst(); // the future is unknown: FIFO
            }
            if (next >= bestNext) { // >=: ties go to the later-loaded page, as paging-policy.py
                best = p;
                bestNext = next;
            }
        }
        if (best != null) {
            pages().remove(best);
        }
        return best;
    }
}
