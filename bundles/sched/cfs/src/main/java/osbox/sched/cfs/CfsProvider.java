package osbox.sched.cfs;

import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes CFS policies; registered as the scheduling policy named {@code cfs}. */
@Component(service = SchedulingPolicyProvider.class, property = SchedulingPolicyProvider.NAME + "=cfs")
public final class CfsProvider extends AbstractPolicyProvider<SchedulingPolicy>
        implements SchedulingPolicyProvider {
    /** Target latency: the period in which every runnable task runs once (cycles). */
    public static final String LATENCY = "latency";
    /** Shortest slice (cycles). */
    public static final String MIN_GRANULARITY = "min-granularity";
    /** How far (cycles of a nice-0 task) a woken task must trail the running one to preempt it. */
    public static final String WAKEUP_GRANULARITY = "wakeup-granularity";
    /** Largest accepted value of the cycle options (keeps latency * weight inside a long). */
    static final long MAX_CYCLES = 1L << 40;

    /** The one line for listings; latency 6000000, min-granularity 750000, wakeup-granularity 1000000 (cycles). */
    public CfsProvider() {
        super("cfs: Completely Fair Scheduler (Linux): weights from nice, smallest vruntime first, "
                + "slices from latency, per-hart red-black trees, O(log n)",
                LATENCY, "6000000",
                MIN_GRANULARITY, "750000",
                WAKEUP_GRANULARITY, "1000000");
    }

    /** A CFS policy with the given options over the defaults. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new CfsPolicy(new CfsPolicy.Config(
                options.longIn(LATENCY, 1, MAX_CYCLES),
                options.longIn(MIN_GRANULARITY, 1, MAX_CYCLES),
                options.longIn(WAKEUP_GRANULARITY, 0, MAX_CYCLES)));
    }
}
