package osbox.vm.replace.lru;

import osbox.api.vm.replace.PageView;
import osbox.policy.support.AccessSampling;
import osbox.policy.support.PageListPolicy;

/**
 * Exact LRU from access tracking: pages in a linked list in recency order,
 * least recently used first. A load or an observed access (accessed()) moves
 * the page to the end; the victim is the head. Every call is O(1) (a doubly
 * linked list with an id index). On attach the resident pages are ordered by
 * their last access ({@link PageView#lastAccess()}, or the load time when it
 * is -1), ties in the given (load) order.
 *
 * <p>It is exact for the accesses the mechanism reports: every access in the
 * lab; on the machine, a page found referenced by each sampling of the
 * reference bits every {@link #accessSamplePeriod()} cycles (and the kernel's
 * own accesses), so its recency is known to within one period.
 */
public final class LruPolicy extends PageListPolicy {
    /** The default sampling period: 100 microseconds at 1 GHz. */
    public static final long DEFAULT_SAMPLE = AccessSampling.DEFAULT_PERIOD;
    private final long samplePeriod;

    /** With the default sampling period. */
    public LruPolicy() {
        this(DEFAULT_SAMPLE);
    }

    /** With the reference bits sampled every samplePeriod cycles on the machine (Long.MAX_VALUE: never). */
    public LruPolicy(long samplePeriod) {
        super(Order.RECENCY);
        this.samplePeriod = AccessSampling.checked(samplePeriod);
    }

    /** The sampling period it was made with. */
    @Override
    public long accessSamplePeriod() {
        return samplePeriod;
    }

    /** The least recently used page (and forgets it: the mechanism evicts it). */
    @Override
    public PageView victim() {
        return pages().pollFirst();
    }
}
