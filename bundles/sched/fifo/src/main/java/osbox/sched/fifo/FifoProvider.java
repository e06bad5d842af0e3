package osbox.sched.fifo;

import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes FIFO (first come, first served) policies; they take no options. */
public class FifoProvider extends AbstractPolicyProvider<SchedulingPolicy> implements SchedulingPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "fifo";

    /** The one line for listings; no options. */
    public FifoProvider() {
        super("FCFS: runs tasks in arrival order, each until it blocks or exits");
    }

    /** A fresh FIFO policy (any option was refused by name before). */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new FifoPolicy();
    }
}
