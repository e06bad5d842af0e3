package osbox.sched.rr;

import java.util.Map;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes round-robin policies. Option: quantum (cycles, at least 1, default 1000000). */
public class RoundRobinProvider implements SchedulingPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "rr";
    /** Option: the quantum in cycles. */
    public static final String QUANTUM = "quantum";

    /** One line for listings. */
    @Override
    public String describe() {
        return "Round robin: a global FIFO queue, each task runs one quantum at a time";
    }

    /** quantum=1000000. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(QUANTUM, "1000000");
    }

    /** A fresh policy; throws on an unknown option or a quantum that is not a positive integer. */
    @Override
    public SchedulingPolicy create(Map<String, String> options) {
        Options o = Options.of(defaults(), options);
        return new RoundRobinPolicy(o.longAtLeast(QUANTUM, 1));
    }
}
