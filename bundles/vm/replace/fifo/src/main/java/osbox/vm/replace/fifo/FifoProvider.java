package osbox.vm.replace.fifo;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes FIFO page-replacement policies. No options. */
public class FifoProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "fifo";

    /** One line for listings. */
    @Override
    public String describe() {
        return "FIFO: evicts the page resident longest (shows Belady's anomaly)";
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
        return new FifoPolicy();
    }
}
