package osbox.policy.support;

import java.util.Map;
import osbox.api.policy.PolicyProvider;
import osbox.policy.support.options.Options;

/**
 * What every policy provider does alike: it describes itself in one line,
 * lists its options with their defaults, and makes a fresh policy only from
 * options that {@link Options#of} has checked against those defaults (an
 * unknown name or a missing value is an IllegalArgumentException naming the
 * option). A provider states its description and defaults in its
 * constructor and how to build its policy in {@link #build(Options)}; it
 * still implements its kind's SPI ({@code SchedulingPolicyProvider},
 * {@code ReplacementPolicyProvider}), which this class satisfies:
 *
 * <pre>
 * public class RoundRobinProvider extends AbstractPolicyProvider&lt;SchedulingPolicy&gt;
 *         implements SchedulingPolicyProvider {
 *     public RoundRobinProvider() {
 *         super("Round robin: ...", "quantum", "1000000");
 *     }
 *
 *     protected SchedulingPolicy build(Options options) {
 *         return new RoundRobinPolicy(options.longAtLeast("quantum", 1));
 *     }
 * }
 * </pre>
 *
 * @param <P> the kind's policy interface
 */
public abstract class AbstractPolicyProvider<P> implements PolicyProvider<P> {
    private final String description;
    private final Map<String, String> defaults;

    /**
     * A provider described by {@code description} (one non-blank line) whose
     * options are {@code namesAndDefaults}: name, default value pairs in the
     * order listings show them (none: the policy takes no options). Throws
     * IllegalArgumentException for a blank or multi-line description, an odd
     * count or a name given twice: a programming error of the provider.
     */
    protected AbstractPolicyProvider(String description, String... namesAndDefaults) {
        if (description == null || description.isBlank() || description.contains("\n")) {
            throw new IllegalArgumentException("a provider's description must be one non-blank line, got '"
                    + description + "'");
        }
        this.description = description;
        this.defaults = Options.defaults(namesAndDefaults);
    }

    /** The one line given to the constructor. */
    @Override
    public final String describe() {
        return description;
    }

    /** The options and their defaults, in the constructor's order (unmodifiable). */
    @Override
    public final Map<String, String> defaults() {
        return defaults;
    }

    /**
     * A fresh policy from {@code options} (null: none) over the defaults;
     * throws IllegalArgumentException naming an unknown option, or whatever
     * {@link #build(Options)} throws for a malformed value.
     */
    @Override
    public final P create(Map<String, String> options) {
        return build(Options.of(defaults, options));
    }

    /**
     * A fresh policy, never null, from {@code options}, whose names are known
     * and values present; reading a value ({@code options.longAtLeast(...)},
     * ...) throws the IllegalArgumentException naming it when it is malformed.
     */
    protected abstract P build(Options options);
}
