package osbox.sched.lottery;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes lottery-scheduling policies; registered as the scheduling policy named {@code lottery}. */
@Component(service = SchedulingPolicyProvider.class, property = SchedulingPolicyProvider.NAME + "=lottery")
public final class LotteryProvider implements SchedulingPolicyProvider {
    /** Slice length in cycles: one draw per quantum. */
    public static final String QUANTUM = "quantum";
    /** Largest accepted quantum. */
    static final long MAX_CYCLES = 1L << 50;

    private static final Map<String, String> DEFAULTS = Options.defaults(
            QUANTUM, "1000000");

    /** One line for listings. */
    @Override
    public String describe() {
        return "lottery: randomized proportional share; each quantum a deterministic draw over the tickets, O(log n)";
    }

    /** quantum 1000000 cycles. */
    @Override
    public Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** A lottery policy with the given options over the defaults. */
    @Override
    public SchedulingPolicy create(Map<String, String> options) {
        Options o = Options.of(DEFAULTS, options);
        return new LotteryPolicy(o.longIn(QUANTUM, 1, MAX_CYCLES));
    }
}
