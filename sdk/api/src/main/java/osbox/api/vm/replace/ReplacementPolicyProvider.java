package osbox.api.vm.replace;

import org.osgi.annotation.versioning.ConsumerType;
import osbox.api.policy.PolicyProvider;

/**
 * Makes instances of one page-replacement policy. A whiteboard service with
 * the property {@value #NAME}: fifo, lru, aging, clock, eclock, lfu, mru,
 * random, opt (meaningful only where the future is known: the lab), or a
 * plugin's name. The VM manager's slot for these is the
 * {@link osbox.api.policy.PolicyControl} of kind {@value #KIND}.
 */
@ConsumerType
public interface ReplacementPolicyProvider extends PolicyProvider<ReplacementPolicy> {
    /** Service property: the policy's name (String). */
    String NAME = "osbox.vm.policy.name";

    /** The kind of the page-replacement slot: its PolicyControl's {@value osbox.api.policy.PolicyControl#KIND}. */
    String KIND = "vm.replace";

    /**
     * Config Admin PID choosing the page-replacement policy: properties
     * {@code policy} (a name) and {@code options} (String[] of key=value); the
     * framework properties {@code osbox.vm.policy} and {@code osbox.vm.options}
     * choose it at boot.
     */
    String PID = "osbox.vm";
}
