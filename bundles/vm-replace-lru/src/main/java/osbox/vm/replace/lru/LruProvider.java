package osbox.vm.replace.lru;

import java.util.Map;
import osbox.api.vm.ReplacementPolicy;
import osbox.api.vm.ReplacementPolicyProvider;
import osbox.policy.support.Options;

/** Makes lru page-replacement policies. No options. */
public class LruProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "lru";

    /** One line for listings. */
    @Override
    public String describe() {
        return "Exact LRU: evicts the page least recently used (O(1) linked list in access order)";
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
        return new LruPolicy();
    }
}
