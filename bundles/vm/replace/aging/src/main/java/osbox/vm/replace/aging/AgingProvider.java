package osbox.vm.replace.aging;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes aging policies. Options: bits (counter width, 1 to 64, default 8) and
 * period (cycles between ticks, at least 1, default 1000000; underscores may
 * group digits).
 */
public class AgingProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "aging";
    /** Option: the counter width in bits. */
    public static final String BITS = "bits";
    /** Option: cycles between ticks. */
    public static final String PERIOD = "period";

    /** The one line for listings; bits=8, period=1000000. */
    public AgingProvider() {
        super("Aging (approximate LRU): per-page counters shift right every period with the reference bit"
                + " entering at the top; the smallest counter is evicted",
                BITS, "8", PERIOD, "1000000");
    }

    /** A fresh policy; throws naming bits or period when out of range or not an integer. */
    @Override
    protected ReplacementPolicy build(Options options) {
        int bits = (int) options.longIn(BITS, 1, 64);
        long period = options.longIn(PERIOD, 1, Long.MAX_VALUE);
        return new AgingPolicy(bits, period);
    }
}
