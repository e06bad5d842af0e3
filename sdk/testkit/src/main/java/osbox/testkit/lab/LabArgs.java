package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import osbox.testkit.sched.LabJob;

/** The lab's parsed command line; parse errors are IllegalArgumentExceptions with one clear line. */
final class LabArgs {
    String policy;
    String jobs;
    String arrivals;
    long ioTime = 5;
    boolean json;
    boolean help;
    boolean hints = true;
    /** Options for the policy, from --quantum, --queues... and --option k=v. */
    final TreeMap<String, String> options = new TreeMap<>();

    /**
     * The largest time the lab takes (a job's start, length or I/O
     * frequency, --io-time) and the largest total length of all jobs: a run
     * can have a stretch per time unit (a quantum of 1), and the lab stops
     * a run at 10 000 000 stretches as one that does not end; input that
     * could exceed that is refused before it runs.
     */
    static final long MAX_TIME = 1_000_000L;

    /** Flags that take a value. */
    private static final Map<String, BiConsumer<LabArgs, String>> VALUED = new TreeMap<>(Map.ofEntries(
            Map.entry("--policy", (a, v) -> a.policy = v),
            Map.entry("--jobs", (a, v) -> a.jobs = v),
            Map.entry("--arrivals", (a, v) -> a.arrivals = v),
            Map.entry("--quantum", (a, v) -> a.options.put("quantum", v)),
            Map.entry("--queues", (a, v) -> a.options.put("queues", v)),
            Map.entry("--allot", (a, v) -> a.options.put("allot", v)),
            Map.entry("--boost", (a, v) -> a.options.put("boost", v)),
            Map.entry("--boost-reset", (a, v) -> a.options.put("boost-reset", v)),
            Map.entry("--io-time", (a, v) -> a.ioTime = time("--io-time", v, 0)),
            Map.entry("--option", LabArgs::option)));

    /** Flags without a value. */
    private static final Map<String, Consumer<LabArgs>> SWITCHES = new TreeMap<>(Map.of(
            "--json", a -> a.json = true,
            "--help", a -> a.help = true,
            "-h", a -> a.help = true,
            "--no-hints", a -> a.hints = false,
            "--io-bump", a -> a.options.put("io-bump", "true"),
            "--stay", a -> a.options.put("stay", "true")));

    /** Parses args. */
    static LabArgs parse(String[] args) {
        LabArgs a = new LabArgs();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            Consumer<LabArgs> sw = SWITCHES.get(arg);
            BiConsumer<LabArgs, String> valued = VALUED.get(arg);
            if (sw != null) {
                sw.accept(a);
            } else if (valued != null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                valued.accept(a, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "' (try --help)");
            }
        }
        if (!a.help && (a.policy == null || a.jobs == null)) {
            throw new IllegalArgumentException("--policy NAME and --jobs LIST are required (try --help)");
        }
        return a;
    }

    /** The job list: start,run,ioFreq triples separated by ':' when triples, else lengths arriving at 0 (or --arrivals). */
    List<LabJob> jobList(boolean triples) {
        List<LabJob> out = new ArrayList<>();
        if (triples) {
            String[] specs = jobs.split(":", -1);
            for (int id = 0; id < specs.length; id++) {
                String[] f = specs[id].split(",", -1);
                if (f.length != 3) {
                    throw new IllegalArgumentException("bad job '" + specs[id]
                            + "': expected start,run,ioFreq (jobs separated by ':')");
                }
                out.add(new LabJob(id, time("start", f[0], 0), time("run", f[1], 1), time("ioFreq", f[2], 0)));
            }
            return checkTotal(out);
        }
        String[] lengths = jobs.split(",", -1);
        String[] starts = arrivals == null ? null : arrivals.split(",", -1);
        if (starts != null && starts.length != lengths.length) {
            throw new IllegalArgumentException("--arrivals needs one value per job (" + lengths.length + ")");
        }
        for (int id = 0; id < lengths.length; id++) {
            long start = starts == null ? 0 : time("arrival", starts[id], 0);
            out.add(new LabJob(id, start, time("length", lengths[id], 1), 0));
        }
        return checkTotal(out);
    }

    /** Handles --option key=value. */
    private static void option(LabArgs a, String kv) {
        int eq = kv.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--option needs key=value, got '" + kv + "'");
        }
        a.options.put(kv.substring(0, eq), kv.substring(eq + 1));
    }

    /** The jobs, when their total length is within {@link #MAX_TIME}; else an error with the limit. */
    private static List<LabJob> checkTotal(List<LabJob> jobs) {
        long total = 0;
        for (LabJob j : jobs) {
            total += j.run();
            if (total > MAX_TIME) {
                throw new IllegalArgumentException("--jobs: the jobs' lengths add up to more than " + MAX_TIME
                        + ", the lab's limit");
            }
        }
        return jobs;
    }

    /** text as a time of at least min and at most {@link #MAX_TIME}, or an error naming what and the range. */
    static long time(String what, String text, long min) {
        long v = number(what, text, min);
        if (v > MAX_TIME) {
            throw new IllegalArgumentException(what + " must be at most " + MAX_TIME + " (the lab's limit), got " + v);
        }
        return v;
    }

    /** text as a long of at least min, or an error naming what. */
    static long number(String what, String text, long min) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, got '" + text + "'");
        }
        if (v < min) {
            throw new IllegalArgumentException(what + " must be at least " + min + ", got " + v);
        }
        return v;
    }
}
