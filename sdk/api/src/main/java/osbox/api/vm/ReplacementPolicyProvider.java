package osbox.api.vm;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes instances of one page-replacement policy. A whiteboard service with
 * the property {@value #NAME}: fifo, lru, aging, clock, eclock, lfu, mru,
 * random, opt (meaningful only where the future is known: the lab), or a
 * plugin's name.
 */
@ConsumerType
public interface ReplacementPolicyProvider {
    /** Service property: the policy's name (String). */
    String NAME = "osbox.vm.policy.name";

    /** A one-line description. */
    String describe();

    /** Options with their defaults. */
    Map<String, String> defaults();

    /** A fresh instance; IllegalArgumentException naming a bad option. */
    ReplacementPolicy create(Map<String, String> options);
}
