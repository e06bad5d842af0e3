package osbox.sched.fifo;

import java.util.Map;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes FIFO (first come, first served) policies; they take no options. */
public class FifoProvider implements SchedulingPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "fifo";

    /** One line for listings. */
    @Override
    public String describe() {
        return "FCFS: runs tasks in arrival order, each until it blocks or exits";
    }

    /** No options. */
    @Override
    public Map<String, String> defaults() {
        return Map.of();
    }

    /** A fresh FIFO policy; any option is unknown. */
    @Override
    public SchedulingPolicy create(Map<String, String> options) {
        Options.of(defaults(), options);
        return new FifoPolicy();
    }
}
