package osbox.vm.replace.fifo;

import osbox.policy.support.PageList;

import java.util.List;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * FIFO: evicts the page that has been resident longest, whatever its use.
 * Pages are kept in load order in a linked list: every call is O(1).
 * Suffers Belady's anomaly (more frames can mean more misses).
 */
public final class FifoPolicy implements ReplacementPolicy {
    private final PageList pages = new PageList();

    /** Seeds the queue with the resident pages, oldest-loaded first. */
    @Override
    public void attach(ReplacementContext context, List<PageView> resident) {
        for (PageView p : resident) {
            pages.addLast(p);
        }
    }

    /** To the back of the queue. */
    @Override
    public void loaded(PageView page) {
        pages.addLast(page);
    }

    /** Forgets the page. */
    @Override
    public void removed(PageView page) {
        pages.remove(page);
    }

    /** The oldest-loaded page (and forgets it: the mechanism evicts it). */
    @Override
    public PageView victim() {
        return pages.pollFirst();
    }
}
