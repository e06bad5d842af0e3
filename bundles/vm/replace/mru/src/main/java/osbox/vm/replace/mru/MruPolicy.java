package osbox.vm.replace.mru;

import osbox.api.vm.replace.PageView;
import osbox.policy.support.PageListPolicy;

/**
 * MRU: evicts the page most recently used (a load counts as a use), as
 * OSTEP's paging-policy.py does; good for cyclic scans larger than memory,
 * bad almost everywhere else. Pages in a linked list in recency order; every
 * call is O(1). On attach the resident pages are ordered by their last access
 * (or load time when it is -1), ties in the given (load) order.
 */
public final class MruPolicy extends PageListPolicy {
    /** An empty policy; the list keeps recency order. */
    public MruPolicy() {
        super(Order.RECENCY);
    }

    /** The most recently used page (and forgets it: the mechanism evicts it). */
    @Override
    public PageView victim() {
        return pages().pollLast();
    }
}
