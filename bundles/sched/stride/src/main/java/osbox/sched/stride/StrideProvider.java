package osbox.sched.stride;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes stride-scheduling policies; registered as the scheduling policy named {@code stride}. */
@Component(service = SchedulingPolicyProvider.class, property = SchedulingPolicyProvider.NAME + "=stride")
public final class StrideProvider extends AbstractPolicyProvider<SchedulingPolicy>
        implements SchedulingPolicyProvider {
    /** The constant divided by tickets to give a stride. */
    public static final String BIG = "big";
    /** Slice length in cycles; a task's pass grows by one stride per quantum it runs. */
    public static final String QUANTUM = "quantum";
    /** Largest accepted big and quantum (keeps stride * (cycles % quantum) inside a long). */
    static final long MAX = 1L << 31;

    /** The one line for listings; big 1048576 (1 << 20), quantum 1000000 cycles. */
    public StrideProvider() {
        super("stride: deterministic proportional share; stride = big / tickets, smallest pass runs, O(log n)",
                BIG, Long.toString(1L << 20),
                QUANTUM, "1000000");
    }

    /** A stride policy with the given options over the defaults. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new StridePolicy(options.longIn(BIG, 1, MAX), options.longIn(QUANTUM, 1, MAX));
    }
}
