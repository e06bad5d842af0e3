package osbox.sched.cfs;

import java.util.Map;
import org.osgi.service.component.annotations.Component;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.options.Options;

/** Makes CFS policies; registered as the scheduling policy named {@code cfs}. */
@Component(service = SchedulingPolicyProvider.class, property = SchedulingPolicyProvider.NAME + "=cfs")
public final class CfsProvider implements SchedulingPolicyProvider {
    /** Target latency: the period in which every runnable task runs once (cycles). */
    public static final String LATENCY = "latency";
    /** Shortest slice (cycles). */
    public static final String MIN_GRANULARITY = "min-granularity";
    /** How far (cycles of a nice-0 task) a woken task must trail the running one to preempt it. */
    public static final String WAKEUP_GRANULARITY = "wakeup-granularity";
    /** Largest accepted value of the cycle options (keeps latency * weight inside a long). */
    static final long MAX_CYCLES = 1L << 40;

    private static final Map<String, String> DEFAULTS = Options.defaults(
            LATENCY, "6000000",
            MIN_GRANULARITY, "750000",
            WAKEUP_GRANULARITY, "1000000");

    /** One line for listings. */
    @Override
    public String describe() {
        return "cfs: Completely Fair Scheduler (Linux): weights from nice, smallest vruntime first, "
                + "slices from latency, per-hart red-black trees, O(log n)";
    }

    /** latency 6000000, min-granularity 750000, wakeup-granularity 1000000 (cycles). */
    @Override
    public Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** A CFS policy with the given options over the defaults. */
    @Override
    public SchedulingPolicy create(Map<String, String> options) {
        Options o = Options.of(DEFAULTS, options);
        return new CfsPolicy(new CfsPolicy.Config(
                o.longIn(LATENCY, 1, MAX_CYCLES),
                o.longIn(MIN_GRANULARITY, 1, MAX_CYCLES),
                o.longIn(WAKEUP_GRANULARITY, 0, MAX_CYCLES)));
    }
}
