package osbox.sched.stcf;

import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes STCF (SRTF) policies. Options, used for tasks without a declared
 * length: alpha (weight of the newest burst, 0..1, default 0.5), initial
 * (first burst guess in cycles, default 1000000).
 */
public class StcfProvider extends AbstractPolicyProvider<SchedulingPolicy> implements SchedulingPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "stcf";
    /** Option: weight of the newest burst. */
    public static final String ALPHA = "alpha";
    /** Option: first burst guess in cycles. */
    public static final String INITIAL = "initial";

    /** The one line for listings; alpha=0.5, initial=1000000. */
    public StcfProvider() {
        super("STCF/SRTF: preemptive, least remaining time first (length hint or burst estimate)",
                ALPHA, "0.5", INITIAL, "1000000");
    }

    /** A fresh policy; throws naming a malformed option. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new StcfPolicy(options.doubleWithin(ALPHA, 0, 1), options.longAtLeast(INITIAL, 1));
    }
}
