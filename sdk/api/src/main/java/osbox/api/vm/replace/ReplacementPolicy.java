package osbox.api.vm.replace;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page-replacement policy: decides, never acts. The mechanism guarantees
 * {@link #loaded} once when a page becomes resident, {@link #accessed} for
 * the accesses it observes (every access in the lab; on the machine the
 * accesses the kernel makes for the process, and, for a policy that asks for
 * it with {@link #accessSamplePeriod}, one per page found referenced by each
 * sampling of the reference bits), and {@link #removed} when a page stops
 * being resident other than by this policy's own choice.
 */
@ConsumerType
public interface ReplacementPolicy {
    /** Starts the policy with every resident page, oldest-loaded first. */
    void attach(ReplacementContext context, List<PageView> resident);

    /** The policy is replaced or stopped; it will not be called again. */
    default void detach() {
    }

    /** A page became resident. */
    void loaded(PageView page);

    /** An access to a resident page was observed. */
    default void accessed(PageView page) {
    }

    /** A resident page left without being chosen as a victim (unmapped, its process exited). */
    void removed(PageView page);

    /**
     * The resident page to evict now (memory is full). It must be resident;
     * the mechanism evicts it and does not call {@link #removed} for it.
     */
    PageView victim();

    /** How often (cycles) {@link #tick} runs; Long.MAX_VALUE for never. */
    default long tickPeriod() {
        return Long.MAX_VALUE;
    }

    /** Periodic work (aging: sample and clear reference bits). */
    default void tick() {
    }

    /**
     * How often (cycles) the mechanism samples the reference bits for this
     * policy; Long.MAX_VALUE (the default) for never. At each sampling the
     * mechanism scans every resident page, oldest loaded first, and for each
     * one whose reference (A) bit is set updates its
     * {@link PageView#lastAccess()} and {@link PageView#accesses()}, calls
     * {@link #accessed}, clears the bit and drops the page from the TLBs (so
     * its next use sets the bit again, at the cost of a TLB miss). This is how
     * exact-recency policies (LRU, LFU) see the accesses that hit in the TLB.
     * A policy that reads the bits itself (CLOCK, aging) should not ask for it.
     * The sampling runs at this period while processes run (a timed event),
     * not only when frames are allocated.
     */
    default long accessSamplePeriod() {
        return Long.MAX_VALUE;
    }
}
