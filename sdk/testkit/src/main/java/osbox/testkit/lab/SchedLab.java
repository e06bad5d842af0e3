package osbox.testkit.lab;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.policy.PolicyProvider;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.sched.LabJob;
import osbox.testkit.sched.LabResult;
import osbox.testkit.sched.LabRun;
import osbox.testkit.sched.PolicyViolation;

/**
 * The policy lab's command line:
 * {@code lab sched --policy NAME --jobs LIST [--quantum Q] [--json]}; see
 * {@link #HELP}. Providers are handed in by name (no service lookup here).
 * Exit status: 0 done, 1 the policy broke a rule, 2 bad arguments.
 */
public final class SchedLab {
    /** The usage text. */
    public static final String HELP = String.join("\n",
            "usage: lab sched --policy NAME --jobs LIST [--quantum Q] [--json] [options]",
            "  --jobs 3,1,2            job lengths, all arriving at 0 (OSTEP scheduler.py -l)",
            "  --jobs 0,4,0:1,3,2      start,run,ioFreq per job (OSTEP mlfq.py -l; always for mlfq)",
            "  --arrivals 0,2,4        arrival times for a list of lengths",
            "  --quantum Q             slice (rr, default 1) or per-level quanta, highest first (mlfq, default 10)",
            "  --queues N --allot A --boost B   mlfq levels (default 3), allotment in quanta (1), boost period (0)",
            "  --io-time I             cycles an I/O takes (default 5)",
            "  --io-bump --stay        mlfq.py -I and -S",
            "  --boost-reset full|ostep   mlfq boost rule (lab default ostep, as mlfq.py)",
            "  --option KEY=VALUE      any other policy option",
            "  --no-hints              do not declare job lengths and bursts to the policy",
            "  --json                  print {\"jobs\":[...],\"average\":{...}} only",
            "1 time unit = 1 cycle; one hart.");

    /** The lab's defaults per policy, so plain runs answer as OSTEP's simulators do. */
    private static final Map<String, Map<String, String>> LAB_DEFAULTS = Map.of(
            "rr", Map.of("quantum", "1"),
            "mlfq", Map.of("quantum", "10", "allot", "1", "boost-reset", "ostep"));

    private static final long MAX_STRETCHES = 10_000_000L;

    private SchedLab() {
    }

    /** Runs the lab with args, choosing among providers by name; prints to out and err; returns the exit status. */
    public static int run(String[] args, Map<String, SchedulingPolicyProvider> providers, PrintStream out,
            PrintStream err) {
        LabArgs a;
        SchedulingPolicy policy;
        List<LabJob> jobs;
        try {
            a = LabArgs.parse(args);
            if (a.help) {
                out.println(HELP);
                return 0;
            }
            SchedulingPolicyProvider provider = providers.get(a.policy);
            if (provider == null) {
                throw new IllegalArgumentException("unknown policy '" + a.policy + "' (known: "
                        + String.join(", ", new TreeMap<>(providers).keySet()) + ")");
            }
            boolean triples = a.policy.equals("mlfq") || a.jobs.contains(":");
            jobs = a.jobList(triples);
            policy = create(a.policy, provider, options(a, provider));
        } catch (IllegalArgumentException e) {
            err.println("osbox lab sched: " + e.getMessage());
            return 2;
        }
        LabResult r;
        try {
            r = new LabRun(policy, jobs, a.ioTime, a.hints, MAX_STRETCHES).run();
        } catch (PolicyViolation | RuntimeException e) {
            err.println("osbox lab sched: policy " + a.policy + " broke the rules: " + e.getMessage());
            return 1;
        }
        out.print(a.json ? LabFormat.json(r) : LabFormat.table(r));
        return 0;
    }

    /** A policy made with options; a refusal names the policy before the option, as the shell and launcher do. */
    static <P> P create(String name, PolicyProvider<P> provider, Map<String, String> options) {
        try {
            return provider.create(options);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /** The policy options: the lab's defaults for this policy (where it knows them), then the user's. */
    private static Map<String, String> options(LabArgs a, SchedulingPolicyProvider provider) {
        TreeMap<String, String> o = new TreeMap<>();
        Map<String, String> known = provider.defaults();
        for (Map.Entry<String, String> e : new TreeMap<>(LAB_DEFAULTS.getOrDefault(a.policy, Map.of())).entrySet()) {
            if (known.containsKey(e.getKey())) {
                o.put(e.getKey(), e.getValue());
            }
        }
        o.putAll(a.options);
        if (a.policy.equals("mlfq") && !a.options.containsKey("queues")) {
            int levels = Math.max(count(o.get("quantum")), count(o.get("allot")));
            o.put("queues", levels > 1 ? Integer.toString(levels) : "3");
        }
        return o;
    }

    /** Number of comma-separated values in text (0 for null). */
    private static int count(String text) {
        return text == null ? 0 : text.split(",", -1).length;
    }

    /** Formats numbers the same everywhere. */
    static String two(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
