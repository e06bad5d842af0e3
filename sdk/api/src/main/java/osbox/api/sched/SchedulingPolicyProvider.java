package osbox.api.sched;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes instances of one scheduling policy. Registered as a whiteboard
 * service with the property {@value #NAME} (the name users choose it by:
 * fifo, sjf, stcf, rr, priority, mlfq, lottery, stride, cfs, or a plugin's).
 */
@ConsumerType
public interface SchedulingPolicyProvider {
    /** Service property: the policy's name (String). */
    String NAME = "osbox.policy.name";

    /** A one-line description for listings. */
    String describe();

    /** The options the policy takes, with their defaults (for listings and validation). */
    Map<String, String> defaults();

    /**
     * A fresh policy configured with {@code options} (a subset of
     * {@link #defaults()}'s keys). Throws IllegalArgumentException naming the
     * bad option when one is unknown or malformed.
     */
    SchedulingPolicy create(Map<String, String> options);
}
