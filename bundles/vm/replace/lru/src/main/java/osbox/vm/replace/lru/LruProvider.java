package osbox.vm.replace.lru;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes lru page-replacement policies. Option: sample (cycles between samplings of the
 * reference bits on the machine, default {@value #SAMPLE_DEFAULT}; 0 for none, so only the accesses the
 * kernel makes are seen; underscores may group digits).
 */
public class LruProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "lru";
    /** Option: cycles between samplings of the reference bits (0: none). */
    public static final String SAMPLE = "sample";
    /** Its default: 100 microseconds at 1 GHz. */
    public static final String SAMPLE_DEFAULT = "100000";
    private static final Map<String, String> DEFAULTS = Options.defaults(SAMPLE, SAMPLE_DEFAULT);

    /** One line for listings. */
    @Override
    public String describe() {
        return "Exact LRU: evicts the page least recently used (O(1) linked list in access order; on the machine the"
                + " accesses come from sampling the reference bits every sample cycles)";
    }

    /** sample=100000. */
    @Override
    public Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** A fresh policy; throws naming an unknown option, or a sample period that is not an integer of at least 0. */
    @Override
    public ReplacementPolicy create(Map<String, String> options) {
        Options o = Options.of(DEFAULTS, options);
        long sample = o.longIn(SAMPLE, 0, Long.MAX_VALUE);
        return new LruPolicy(sample == 0 ? Long.MAX_VALUE : sample);
    }
}
