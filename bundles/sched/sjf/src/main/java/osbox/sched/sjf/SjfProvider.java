package osbox.sched.sjf;

import java.util.Map;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes SJF policies. Options: alpha (weight of the newest burst in the
 * exponential average, 0..1, default 0.5), initial (first burst guess in
 * cycles, at least 1, default 1000000).
 */
public class SjfProvider implements SchedulingPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "sjf";
    /** Option: weight of the newest burst. */
    public static final String ALPHA = "alpha";
    /** Option: first burst guess in cycles. */
    public static final String INITIAL = "initial";

    /** One line for listings. */
    @Override
    public String describe() {
        return "SJF: non-preemptive, shortest predicted burst first (hint or exponential average)";
    }

    /** alpha=0.5, initial=1000000. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(ALPHA, "0.5", INITIAL, "1000000");
    }

    /** A fresh policy; throws on an unknown or malformed option. */
    @Override
    public SchedulingPolicy create(Map<String, String> options) {
        Options o = Options.of(defaults(), options);
        return new SjfPolicy(o.doubleWithin(ALPHA, 0, 1), o.longAtLeast(INITIAL, 1));
    }
}
