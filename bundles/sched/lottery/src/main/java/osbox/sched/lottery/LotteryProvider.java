package osbox.sched.lottery;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes lottery-scheduling policies; registered as the scheduling policy named {@code lottery}. */
@Component(service = SchedulingPolicyProvider.class, property = SchedulingPolicyProvider.NAME + "=lottery")
public final class LotteryProvider extends AbstractPolicyProvider<SchedulingPolicy>
        implements SchedulingPolicyProvider {
    /** Slice length in cycles: one draw per quantum. */
    public static final String QUANTUM = "quantum";
    /** Largest accepted quantum. */
    static final long MAX_CYCLES = 1L << 50;

    /** The one line for listings; quantum 1000000 cycles. */
    public LotteryProvider() {
        super("lottery: randomized proportional share; each quantum a deterministic draw over the tickets, O(log n)",
                QUANTUM, "1000000");
    }

    /** A lottery policy with the given options over the defaults. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new LotteryPolicy(options.longIn(QUANTUM, 1, MAX_CYCLES));
    }
}
