package osbox.vm.replace.lru;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.AccessSampling;
import osbox.policy.support.options.Options;

/**
 * Makes lru page-replacement policies. Option: sample (cycles between samplings of the
 * reference bits on the machine, default 100000 cycles; 0 for none, so only the accesses the
 * kernel makes are seen; underscores may group digits).
 */
public class LruProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "lru";

    /** The one line for listings; sample=100000. */
    public LruProvider() {
        super("Exact LRU: evicts the page least recently used (O(1) linked list in access order; on the machine the"
                + " accesses come from sampling the reference bits every sample cycles)",
                AccessSampling.OPTION, AccessSampling.DEFAULT);
    }

    /** A fresh policy; throws naming a sample period that is not an integer of at least 0. */
    @Override
    protected ReplacementPolicy build(Options options) {
        return new LruPolicy(AccessSampling.period(options));
    }
}
