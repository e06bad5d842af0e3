package osbox.sched.priority;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes priority-with-aging policies; registered as the scheduling policy named {@code priority}. */
@Component(service = SchedulingPolicyProvider.class, property = SchedulingPolicyProvider.NAME + "=priority")
public final class PriorityProvider extends AbstractPolicyProvider<SchedulingPolicy>
        implements SchedulingPolicyProvider {
    /** Slice length in cycles (round robin among equal priorities). */
    public static final String QUANTUM = "quantum";
    /** Cycles of waiting that improve a task's priority by one; 0 turns aging off. */
    public static final String AGING = "aging";
    /** Largest accepted value of either option. */
    static final long MAX_CYCLES = 1L << 50;

    /** The one line for listings; quantum 1000000, aging 10000000 cycles. */
    public PriorityProvider() {
        super("priority: preemptive static priorities (0 first) with aging, round robin among equals, O(log n)",
                QUANTUM, "1000000",
                AGING, "10000000");
    }

    /** A priority policy with the given options over the defaults. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new PriorityPolicy(options.longIn(QUANTUM, 1, MAX_CYCLES), options.longIn(AGING, 0, MAX_CYCLES));
    }
}
