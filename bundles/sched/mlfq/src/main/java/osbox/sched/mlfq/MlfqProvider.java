package osbox.sched.mlfq;

import java.util.Map;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.policy.support.AbstractPolicyProvider;
import osbox.policy.support.options.Options;

/**
 * Makes MLFQ policies. Options: queues (levels, default 3); quantum (cycles
 * per level: one value for all, or a comma list, highest level first;
 * default 1000000); allot (quanta a task may use at a level before moving
 * down, same form, default 1); boost (period in cycles, 0 never, default 0);
 * io-bump (true: woken tasks go to the front, mlfq.py -I); stay (true:
 * blocking resets quantum and allotment, mlfq.py -S, gameable); boost-reset
 * (full: a boost gives a fresh top quantum and allotment; ostep: as mlfq.py,
 * remaining quantum := top allotment, allotment kept).
 */
public class MlfqProvider extends AbstractPolicyProvider<SchedulingPolicy> implements SchedulingPolicyProvider {
    /** The policy's name. */
    public static final String NAME_VALUE = "mlfq";
    /** Option: number of levels. */
    public static final String QUEUES = "queues";
    /** Option: quantum per level. */
    public static final String QUANTUM = "quantum";
    /** Option: allotment (in quanta) per level. */
    public static final String ALLOT = "allot";
    /** Option: boost period. */
    public static final String BOOST = "boost";
    /** Option: woken tasks to the front. */
    public static final String IO_BUMP = "io-bump";
    /** Option: blocking resets quantum and allotment. */
    public static final String STAY = "stay";
    /** Option: full or ostep. */
    public static final String BOOST_RESET = "boost-reset";

    private static final Map<String, Boolean> BOOST_RESETS = Map.of("full", false, "ostep", true);

    /** The one line for listings; the defaults listed above (sorted by name). */
    public MlfqProvider() {
        super("MLFQ: priority levels with per-level quantum and allotment, periodic boost (OSTEP rules)",
                ALLOT, "1",
                BOOST, "0",
                BOOST_RESET, "full",
                IO_BUMP, "false",
                QUANTUM, "1000000",
                QUEUES, "3",
                STAY, "false");
    }

    /** A fresh policy; throws IllegalArgumentException naming a bad option. */
    @Override
    protected SchedulingPolicy build(Options options) {
        return new MlfqPolicy(config(options));
    }

    /** The validated configuration for options (null: none) over the defaults. */
    public MlfqConfig config(Map<String, String> options) {
        return config(Options.of(defaults(), options));
    }

    /** The validated configuration for options checked against the defaults. */
    private static MlfqConfig config(Options o) {
        int queues = (int) Math.min(64, o.longAtLeast(QUEUES, 1));
        if (o.longAtLeast(QUEUES, 1) > 64) {
            throw new IllegalArgumentException("option 'queues' must be at most 64");
        }
        long[] quantum = perLevel(o, QUANTUM, queues);
        long[] allot = perLevel(o, ALLOT, queues);
        Boolean ostep = BOOST_RESETS.get(o.text(BOOST_RESET));
        if (ostep == null) {
            throw new IllegalArgumentException("option 'boost-reset' must be full or ostep, got '"
                    + o.text(BOOST_RESET) + "'");
        }
        return new MlfqConfig(quantum, allot, o.longAtLeast(BOOST, 0), o.bool(IO_BUMP), o.bool(STAY), ostep);
    }

    /** A per-level list (given highest level first) indexed by level (0 lowest); one value fills every level. */
    private static long[] perLevel(Options o, String key, int queues) {
        long[] given = o.longList(key, 1);
        if (given.length != 1 && given.length != queues) {
            throw new IllegalArgumentException("option '" + key + "' needs 1 or " + queues + " values, got "
                    + given.length);
        }
        long[] byLevel = new long[queues];
        for (int level = 0; level < queues; level++) {
            byLevel[level] = given.length == 1 ? given[0] : given[queues - 1 - level];
        }
        return byLevel;
    }
}
