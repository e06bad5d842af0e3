package osbox.vm.replace.mru;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes mru page-replacement policies. No options. */
public class MruProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "mru";

    /** One line for listings. */
    @Override
    public String describe() {
        return "MRU: evicts the page most recently used";
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
        return new MruPolicy();
    }
}
