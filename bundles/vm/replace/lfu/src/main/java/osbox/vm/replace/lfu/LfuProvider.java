package osbox.vm.replace.lfu;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.AccessSampling;
import osbox.policy.support.options.Options;

/**
 * Makes LFU policies. Option: sample (cycles between samplings of the
 * reference bits on the machine, default 100000 cycles; 0 for none, so only the accesses the
 * kernel makes are seen; underscores may group digits).
 */
public class LfuProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "lfu";

    /** The one line for listings; sample=100000. */
    public LfuProvider() {
        super("LFU: evicts the page with the fewest accesses since it was loaded, the oldest loaded on ties (on the"
                + " machine an access is a sampling of the reference bits that found the page used)",
                AccessSampling.OPTION, AccessSampling.DEFAULT);
    }

    /** A fresh policy; throws naming a sample period that is not an integer of at least 0. */
    @Override
    protected ReplacementPolicy build(Options options) {
        return new LfuPolicy(AccessSampling.period(options));
    }
}
