package osbox.api.io;

import org.osgi.annotation.versioning.ConsumerType;
import osbox.api.policy.PolicyProvider;

/**
 * Makes instances of one I/O-scheduler policy. Registered as a whiteboard
 * service with the property {@value #NAME} (noop, sstf, scan, cscan, look,
 * clook, deadline, bfq, or a plugin's name). The block layer's slot for
 * these is the {@link osbox.api.policy.PolicyControl} of kind
 * {@value #KIND}, one policy per device.
 */
@ConsumerType
public interface IoSchedulingPolicyProvider extends PolicyProvider<IoSchedulingPolicy> {
    /** Service property: the policy's name (String). */
    String NAME = "osbox.io.policy.name";

    /** The kind of the I/O-scheduler slot: its PolicyControl's {@value osbox.api.policy.PolicyControl#KIND}. */
    String KIND = "io.sched";

    /**
     * Config Admin PID choosing the I/O scheduler: properties {@code policy}
     * (a name) and {@code options} (String[] of key=value); the framework
     * properties {@code osbox.io.sched.policy} and
     * {@code osbox.io.sched.options} choose it at boot ({@code --io-sched NAME}).
     */
    String PID = "osbox.io.sched";
}
