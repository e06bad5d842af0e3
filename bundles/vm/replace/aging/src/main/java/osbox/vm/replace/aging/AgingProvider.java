package osbox.vm.replace.aging;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes aging policies. Options: bits (counter width, 1 to 64, default 8) and
 * period (cycles between ticks, at least 1, default 1000000; underscores may
 * group digits).
 */
public class AgingProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "aging";
    /** Option: the counter width in bits. */
    public static final String BITS = "bits";
    /** Option: cycles between ticks. */
    public static final String PERIOD = "period";
    private static final Map<String, String> DEFAULTS = Options.defaults(BITS, "8", PERIOD, "1000000");

    /** One line for listings. */
    @Override
    public String describe() {
        return "Aging (approximate LRU): per-page counters shift right every period with the reference bit"
                + " entering at the top; the smallest counter is evicted";
    }

    /** bits=8, period=1000000. */
    @Override
    public Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** A fresh policy; throws naming an unknown option, or bits or period out of range or not an integer. */
    @Override
    public ReplacementPolicy create(Map<String, String> options) {
        Options o = Options.of(DEFAULTS, options);
        int bits = (int) o.longIn(BITS, 1, 64);
        long period = o.longIn(PERIOD, 1, Long.MAX_VALUE);
        return new AgingPolicy(bits, period);
    }
}
