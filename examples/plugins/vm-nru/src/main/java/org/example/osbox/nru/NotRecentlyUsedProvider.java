package org.example.osbox.nru;

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes "nru" policies. Option: {@code period}, the cycles between two
 * clearings of the reference bits (an integer, at least 1; underscores may
 * group digits).
 */
public class NotRecentlyUsedProvider implements ReplacementPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "nru";
    /** Option: cycles between clearings of the reference bits. */
    public static final String PERIOD = "period";

    /** One line for vm:list. */
    @Override
    public String describe() {
        return "NRU (example plugin): evicts a random page of the lowest (referenced, dirty) class;"
                + " reference bits are cleared every period";
    }

    /** Every option with its default: period=1000000. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(PERIOD, "1000000");
    }

    /**
     * A fresh policy; an unknown option or a bad value is an
     * IllegalArgumentException naming it (the SDK's option parser, embedded).
     */
    @Override
    public ReplacementPolicy create(Map<String, String> options) {
        return new NotRecentlyUsedPolicy(Options.of(defaults(), options).longIn(PERIOD, 1, Long.MAX_VALUE));
    }
}
