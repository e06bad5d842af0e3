package ${package};

import java.util.Map;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes "${policyName}" policies. Option: {@code quantum}, the cycles a task
 * runs before the next one gets the hart (an integer, at least 1).
 */
public class RoundRobinProvider implements SchedulingPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "${policyName}";
    /** Option: the quantum in cycles. */
    public static final String QUANTUM = "quantum";

    /** One line for sched:list. */
    @Override
    public String describe() {
        return "Round robin (a plugin): one FIFO queue, each task runs one quantum at a time";
    }

    /** Every option with its default: quantum=1000000. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(QUANTUM, "1000000");
    }

    /**
     * A fresh policy; an unknown option or a bad value is an
     * IllegalArgumentException naming it (the SDK's option parser, embedded).
     */
    @Override
    public SchedulingPolicy create(Map<String, String> options) {
        return new RoundRobinPolicy(Options.of(defaults(), options).longAtLeast(QUANTUM, 1));
    }
}
