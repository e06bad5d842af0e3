package osbox.vm.replace.random;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes random page-replacement policies. No options. */
public class RandomProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "random";

    /** One line for listings. */
    @Override
    public String describe() {
        return "Random: evicts a resident page chosen uniformly with the context's seeded random numbers";
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
        return new RandomPolicy();
    }
}
