package osbox.api.sched;

import org.osgi.annotation.versioning.ConsumerType;
import osbox.api.policy.PolicyProvider;

/**
 * Makes instances of one scheduling policy. Registered as a whiteboard
 * service with the property {@value #NAME} (the name users choose it by:
 * fifo, sjf, stcf, rr, priority, mlfq, lottery, stride, cfs, or a plugin's).
 * The kernel's slot for these is the {@link osbox.api.policy.PolicyControl}
 * of kind {@value #KIND}.
 */
@ConsumerType
public interface SchedulingPolicyProvider extends PolicyProvider<SchedulingPolicy> {
    /** Service property: the policy's name (String). */
    String NAME = "osbox.policy.name";

    /** The kind of the scheduling slot: its PolicyControl's {@value osbox.api.policy.PolicyControl#KIND}. */
    String KIND = "sched";

    /**
     * Config Admin PID choosing the scheduling policy: properties
     * {@code policy} (a name) and {@code options} (String[] of key=value); the
     * framework properties {@code osbox.sched.policy} and
     * {@code osbox.sched.options} choose it at boot.
     */
    String PID = "osbox.sched";
}
