package ${package};

import java.util.Map;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes "${policyName}" policies. Option: {@code prefer-clean} ({@code true}
 * or {@code false}, default false): pass over unreferenced dirty pages once,
 * so that clean ones (no page-out) are evicted first.
 */
public class SecondChanceProvider implements ReplacementPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "${policyName}";
    /** Option: prefer clean victims. */
    public static final String PREFER_CLEAN = "prefer-clean";

    /** One line for vm:list. */
    @Override
    public String describe() {
        return "Second chance (a plugin): FIFO order, a referenced page has its bit cleared and goes to the back";
    }

    /** Every option with its default: prefer-clean=false. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(PREFER_CLEAN, "false");
    }

    /**
     * A fresh policy; an unknown option or a bad value is an
     * IllegalArgumentException naming it (the SDK's option parser, embedded).
     */
    @Override
    public ReplacementPolicy create(Map<String, String> options) {
        return new SecondChancePolicy(Options.of(defaults(), options).bool(PREFER_CLEAN));
    }
}
