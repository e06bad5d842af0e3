package osbox.api.vm;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page-replacement policy: decides, never acts. The mechanism guarantees
 * {@link #loaded} once when a page becomes resident, {@link #accessed} for
 * the accesses it observes (every access in the lab; TLB refills on the
 * machine, where the reference bits tell the rest), and {@link #removed} when
 * a page stops being resident other than by this policy's own choice.
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
}
