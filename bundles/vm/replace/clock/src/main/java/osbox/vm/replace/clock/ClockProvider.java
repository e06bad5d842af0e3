package osbox.vm.replace.clock;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes CLOCK (second chance) policies. No options. */
public class ClockProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "clock";

    /** One line for listings. */
    @Override
    public String describe() {
        return "CLOCK (second chance): a hand sweeps the pages in load order, clearing reference bits;"
                + " the first unreferenced page is evicted";
    }

    /** None. */
    @Override
    public Map<String, String> defaults() {
        return Map.of();
    }

    /** A fresh policy; throws naming any option given (there are none). */
    @Override
    public ReplacementPolicy create(Map<String, String> options) {
        Options.of(defaults(), options);
        return new ClockPolicy();
    }
}
