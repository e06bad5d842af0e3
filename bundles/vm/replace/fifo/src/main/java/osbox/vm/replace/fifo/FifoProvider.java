package osbox.vm.replace.fifo;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes FIFO page-replacement policies. No options. */
public class FifoProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "fifo";

    /** The one line for listings; no options. */
    public FifoProvider() {
        super("FIFO: evicts the page resident longest (shows Belady's anomaly)");
    }

    /** A fresh policy (any option was refused by name before). */
    @Override
    protected ReplacementPolicy build(Options options) {
        return new FifoPolicy();
    }
}
