package osbox.sched.rr;

import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes round-robin policies. Option: quantum (cycles, at least 1, default 1000000). */
public class RoundRobinProvider extends AbstractPolicyProvider<SchedulingPolicy> implements SchedulingPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "rr";
    /** Option: the quantum in cycles. */
    public static final String QUANTUM = "quantum";

    /** The one line for listings; quantum=1000000. */
    public RoundRobinProvider() {
        super("Round robin: a global FIFO queue, each task runs one quantum at a time", QUANTUM, "1000000");
    }

    /** A fresh policy; throws naming a quantum that is not a positive integer. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new RoundRobinPolicy(options.longAtLeast(QUANTUM, 1));
    }
}
