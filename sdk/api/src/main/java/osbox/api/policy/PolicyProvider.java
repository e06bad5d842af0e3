package osbox.api.policy;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Makes instances of one policy of some kind: what every policy SPI's
 * provider has in common (each SPI extends it with its policy type and names
 * the service property its providers are named by).
 *
 * @param <P> the kind's policy interface
 */
@ConsumerType
public interface PolicyProvider<P> {
    /** A one-line description for listings. */
    String describe();

    /** The options the policy takes, with their defaults (for listings and validation). */
    Map<String, String> defaults();

    /**
     * A fresh policy configured with {@code options} (a subset of
     * {@link #defaults()}'s keys). Throws IllegalArgumentException naming the
     * bad option when one is unknown or malformed.
     */
    P create(Map<String, String> options);
}
