package osbox.vm.replace.eclock;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes enhanced CLOCK policies (reference and dirty bits, four classes). No options. */
public class EnhancedClockProvider implements ReplacementPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "eclock";

    /** One line for listings. */
    @Override
    public String describe() {
        return "Enhanced CLOCK: by (reference, dirty) class, an unreferenced clean page first,"
                + " then an unreferenced dirty one, clearing reference bits on the way (up to four turns)";
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
        return new EnhancedClockPolicy();
    }
}
