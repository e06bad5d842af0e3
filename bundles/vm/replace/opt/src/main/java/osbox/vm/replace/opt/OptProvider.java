package osbox.vm.replace.opt;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes opt page-replacement policies. No options. */
public class OptProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "opt";

    /** The one line for listings; no options. */
    public OptProvider() {
        super("OPT (Belady's optimal): evicts the page used furthest in the future; FIFO where the future is unknown (lab only)");
    }

    /** A fresh policy (any option was refused by name before). */
    @Override
    protected ReplacementPolicy build(Options options) {
        return new OptPolicy();
    }
}
