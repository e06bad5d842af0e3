package osbox.api.deadlock;

import org.osgi.annotation.versioning.ConsumerType;
import osbox.api.policy.PolicyProvider;

/**
 * Makes instances of one deadlock policy. Registered as a whiteboard service
 * with the property {@value #NAME} (the name users choose it by: none,
 * report, break, kill, or a plugin's). The kernel's slot for these is the
 * {@link osbox.api.policy.PolicyControl} of kind {@value #KIND}.
 */
@ConsumerType
public interface DeadlockPolicyProvider extends PolicyProvider<DeadlockPolicy> {
    /** Service property: the policy's name (String). */
    String NAME = "osbox.policy.name";

    /** The kind of the deadlock slot: its PolicyControl's {@value osbox.api.policy.PolicyControl#KIND}. */
    String KIND = "deadlock";

    /**
     * Config Admin PID choosing the deadlock policy: properties {@code policy}
     * and {@code options}; the framework properties {@code osbox.deadlock.policy}
     * and {@code osbox.deadlock.options} choose it at boot, as does
     * {@code osbox.deadlock} (a name alone: {@code osbox run --deadlock NAME}).
     */
    String PID = "osbox.deadlock";
}
