package osbox.vm.replace.random;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes random page-replacement policies. No options. */
public class RandomProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "random";

    /** The one line for listings; no options. */
    public RandomProvider() {
        super("Random: evicts a resident page chosen uniformly with the context's seeded random numbers");
    }

    /** A fresh policy (any option was refused by name before). */
    @Override
    protected ReplacementPolicy build(Options options) {
        return new RandomPolicy();
    }
}
