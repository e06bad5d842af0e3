package osbox.vm.replace.eclock;

import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes enhanced CLOCK policies (reference and dirty bits, four classes). No options. */
public class EnhancedClockProvider extends AbstractPolicyProvider<ReplacementPolicy> implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "eclock";

    /** The one line for listings; no options. */
    public EnhancedClockProvider() {
        super("Enhanced CLOCK: by (reference, dirty) class, an unreferenced clean page first,"
                + " then an unreferenced dirty one, clearing reference bits on the way (up to four turns)");
    }

    /** A fresh policy (any option was refused by name before). */
    @Override
    protected ReplacementPolicy build(Options options) {
        return new EnhancedClockPolicy();
    }
}
