package osbox.vm.replace.lfu;

import java.util.Map;
import osbox.api.vm.ReplacementPolicy;
import osbox.api.vm.ReplacementPolicyProvider;
import osbox.policy.support.Options;

/** Makes LFU policies. No options. */
public class LfuProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "lfu";

    /** One line for listings. */
    @Override
    public String describe() {
        return "LFU: evicts the page with the fewest accesses since it was loaded, the oldest loaded on ties";
    }

    /** None. */
    @Override
    public Map<String, String> defaults() {
        return Map.of();
    }

    /** A fresh policy; throws naming any option given (there are none). */
    @Override
    public ReplacementPolicy create(Map<String, String> options) {
        Options.of(NAME_VALUE, defaults(), options);
        return new LfuPolicy();
    }
}
