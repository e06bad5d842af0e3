package osbox.vm.replace.mru;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes mru page-replacement policies. No options. */
public class MruProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "mru";

    /** The one line for listings; no options. */
    public MruProvider() {
        super("MRU: evicts the page most recently used");
    }

    /** A fresh policy (any option was refused by name before). */
    @Override
    protected ReplacementPolicy build(Options options) {
        return new MruPolicy();
    }
}
