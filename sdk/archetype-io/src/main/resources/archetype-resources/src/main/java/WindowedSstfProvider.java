package ${package};

import java.util.Map;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes "${policyName}" I/O schedulers. Option: {@code window} (1 to 1024,
 * default 4): how many of the oldest requests form each batch.
 */
public class WindowedSstfProvider implements IoSchedulingPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "${policyName}";
    /** Option: the window. */
    public static final String WINDOW = "window";

    /** One line for listings. */
    @Override
    public String describe() {
        return "Windowed SSTF (a plugin): batches of the oldest few, each nearest first; bounded waiting";
    }

    /** Every option with its default: window=4. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(WINDOW, "4");
    }

    /**
     * A fresh policy; an unknown option or a bad value is an
     * IllegalArgumentException naming it (the SDK's option parser, embedded).
     */
    @Override
    public IoSchedulingPolicy create(Map<String, String> options) {
        return new WindowedSstfPolicy((int) Options.of(defaults(), options).longIn(WINDOW, 1, 1024));
    }
}
