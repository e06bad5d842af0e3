package osbox.vm.replace.fifo;

import osbox.api.vm.replace.PageView;
import osbox.policy.support.PageListPolicy;

/**
 * FIFO: evicts the page that has been resident longest, whatever its use.
 * Pages are kept in load order in a linked list: every call is O(1).
 * Suffers Belady's anomaly (more frames can mean more misses).
 */
public final class FifoPolicy extends PageListPolicy {
    /** An empty policy; the list keeps load order. */
    public FifoPolicy() {
        super(Order.LOAD);
    }

    /** The oldest-loaded page (and forgets it: the mechanism evicts it). */
    @Override
    public PageView victim() {
        return pages().pollFirst();
    }
}
