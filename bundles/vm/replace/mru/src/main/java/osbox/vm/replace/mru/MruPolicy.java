package osbox.vm.replace.mru;

import osbox.policy.support.PageList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * MRU: evicts the page most recently used (a load counts as a use), as
 * OSTEP's paging-policy.py does; good for cyclic scans larger than memory,
 * bad almost everywhere else. Pages in a linked list in recency order; every
 * call is O(1). On attach the resident pages are ordered by their last access
 * (or load time when it is -1), ties in the given (load) order.
 */
public final class MruPolicy implements ReplacementPolicy {
    private final PageList pages = new PageList();

    /** Seeds the list with the resident pages by recency. */
    @Override
    public void attach(ReplacementContext context, List<PageView> resident) {
        List<PageView> byRecency = new ArrayList<>(resident);
        byRecency.sort(Comparator.comparingLong(MruPolicy::recency)); // stable: ties keep load order
        for (PageView p : byRecency) {
            pages.addLast(p);
        }
    }

    /** Most recently used now. */
    @Override
    public void loaded(PageView page) {
        pages.addLast(page);
    }

    /** Most recently used now. */
    @Override
    public void accessed(PageView page) {
        pages.moveToEnd(page);
    }

    /** Forgets the page. */
    @Override
    public void removed(PageView page) {
        pages.remove(page);
    }

    /** The most recently used page (and forgets it: the mechanism evicts it). */
    @Override
    public PageView victim() {
        return pages.pollLast();
    }

    private static long recency(PageView p) {
        return p.lastAccess() >= 0 ? p.lastAccess() : p.loadedAt();
    }
}
