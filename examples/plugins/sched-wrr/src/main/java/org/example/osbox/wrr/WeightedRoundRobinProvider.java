package org.example.osbox.wrr;

import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes "wrr" policies. Option: {@code quantum}, the turn of a nice-0 task in
 * cycles (an integer from 1 to {@value #MAX_QUANTUM}, default 1000000); other
 * nice values get it scaled by their weight. The SDK's
 * {@link AbstractPolicyProvider} answers describe() and defaults() and
 * refuses unknown options by name before {@link #build} runs.
 */
public class WeightedRoundRobinProvider extends AbstractPolicyProvider<SchedulingPolicy>
        implements SchedulingPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "wrr";
    /** Option: the nice-0 turn in cycles. */
    public static final String QUANTUM = "quantum";
    /** The largest quantum: the nice -20 turn (about 87 quanta) stays far from overflowing. */
    public static final long MAX_QUANTUM = 1_000_000_000_000L;

    /** The one line for sched:list; quantum=1000000. */
    public WeightedRoundRobinProvider() {
        super("Weighted round robin (example plugin): turns of quantum*weight(nice)/1024 cycles, in FIFO order",
                QUANTUM, "1000000");
    }

    /** A fresh policy; a bad quantum is an IllegalArgumentException naming it. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new WeightedRoundRobinPolicy(options.longIn(QUANTUM, 1, MAX_QUANTUM));
    }
}
