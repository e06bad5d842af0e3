package org.example.osbox.wrr;

import java.util.Map;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes "wrr" policies. Option: {@code quantum}, the turn of a nice-0 task in
 * cycles (an integer from 1 to {@value #MAX_QUANTUM}, default 1000000); other
 * nice values get it scaled by their weight.
 */
public class WeightedRoundRobinProvider implements SchedulingPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "wrr";
    /** Option: the nice-0 turn in cycles. */
    public static final String QUANTUM = "quantum";
    /** The largest quantum: the nice -20 turn (about 87 quanta) stays far from overflowing. */
    public static final long MAX_QUANTUM = 1_000_000_000_000L;

    /** One line for sched:list. */
    @Override
    public String describe() {
        return "Weighted round robin (example plugin): turns of quantum*weight(nice)/1024 cycles, in FIFO order";
    }

    /** quantum=1000000. */
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
        return new WeightedRoundRobinPolicy(Options.of(defaults(), options).longIn(QUANTUM, 1, MAX_QUANTUM));
    }
}
