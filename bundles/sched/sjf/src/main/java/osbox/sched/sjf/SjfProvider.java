package osbox.sched.sjf;

import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes SJF policies. Options: alpha (weight of the newest burst in the
 * exponential average, 0..1, default 0.5), initial (first burst guess in
 * cycles, at least 1, default 1000000).
 */
public class SjfProvider extends AbstractPolicyProvider<SchedulingPolicy> implements SchedulingPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "sjf";
    /** Option: weight of the newest burst. */
    public static final String ALPHA = "alpha";
    /** Option: first burst guess in cycles. */
    public static final String INITIAL = "initial";

    /** The one line for listings; alpha=0.5, initial=1000000. */
    public SjfProvider() {
        super("SJF: non-preemptive, shortest predicted burst first (hint or exponential average)",
                ALPHA, "0.5", INITIAL, "1000000");
    }

    /** A fresh policy; throws naming a malformed option. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new SjfPolicy(options.doubleWithin(ALPHA, 0, 1), options.longAtLeast(INITIAL, 1));
    }
}
