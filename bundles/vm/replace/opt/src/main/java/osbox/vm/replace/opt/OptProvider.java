package osbox.vm.replace.opt;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes opt page-replacement policies. No options. */
public class OptProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "opt";

    /** One line for listings. */
    @Override
    public String describe() {
        return "OPT (Belady's optimal): evicts the page used furthest in the future; FIFO where the future is unknown (lab only)";
    }

    /** No options. */
    @Override
    public Map<String, String> defaults() {
        return Map.of();
    }

    /** A fresh policy; throws naming any option (it has none). */
    @Override
    public ReplacementPolicy create(Map<String, String> options) {
        Options.of(defaults(), options);
        return new OptPolicy();
    }
}
