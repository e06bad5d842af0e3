package osbox.vm.replace.clock;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes CLOCK (second chance) policies. No options. */
public class ClockProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "clock";

    /** The one line for listings; no options. */
    public ClockProvider() {
        super("CLOCK (second chance): a hand sweeps the pages in load order, clearing reference bits;"
                + " the first unreferenced page is evicted");
    }

    /** A fresh policy (any option was refused by name before). */
    @Override
    protected ReplacementPolicy build(Options options) {
        return new ClockPolicy();
    }
}
