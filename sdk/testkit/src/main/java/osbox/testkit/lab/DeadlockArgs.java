package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The deadlock lab's parsed and checked command line; errors are
 * IllegalArgumentExceptions with one clear line. After {@link #parse} the
 * shapes agree: one allocation row (and max or requests row) per process,
 * one count per resource in every row.
 */
final class DeadlockArgs {
    String algorithm;
    long[] available;
    long[][] allocation;
    long[][] max;
    long[][] requests;
    /** --request P:counts: the process, or -1 when there is none. */
    int requester = -1;
    long[] request;
    /** --sequence: a proposed safe sequence to check, or null. */
    List<Integer> sequence;
    boolean json;
    boolean help;

    private String requestText;
    private String sequenceText;

    /** Flags that take a value. */
    private static final Map<String, BiConsumer<DeadlockArgs, String>> VALUED = new TreeMap<>(Map.of(
            "--algorithm", (a, v) -> a.algorithm = v,
            "--available", (a, v) -> a.available = ResourceMatrix.vector("--available", v),
            "--allocation", (a, v) -> a.allocation = ResourceMatrix.matrix("--allocation", v),
            "--max", (a, v) -> a.max = ResourceMatrix.matrix("--max", v),
            "--requests", (a, v) -> a.requests = ResourceMatrix.matrix("--requests", v),
            "--request", (a, v) -> a.requestText = v,
            "--sequence", (a, v) -> a.sequenceText = v));

    /** Flags without a value. */
    private static final Map<String, Consumer<DeadlockArgs>> SWITCHES = new TreeMap<>(Map.of(
            "--json", a -> a.json = true,
            "--help", a -> a.help = true,
            "-h", a -> a.help = true));

    /** What each algorithm needs and refuses, checked after parsing. */
    private static final Map<String, Consumer<DeadlockArgs>> ALGORITHMS = new TreeMap<>(Map.of(
            "banker", DeadlockArgs::checkBanker,
            "detect", DeadlockArgs::checkDetect));

    /** Parses and checks args. */
    static DeadlockArgs parse(String[] args) {
        DeadlockArgs a = new DeadlockArgs();
        for (int i = 0; i < args.length; i++) {
            Consumer<DeadlockArgs> sw = SWITCHES.get(args[i]);
            BiConsumer<DeadlockArgs, String> valued = VALUED.get(args[i]);
            if (sw != null) {
                sw.accept(a);
            } else if (valued != null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                valued.accept(a, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "' (try --help)");
            }
        }
        if (a.help) {
            return a;
        }
        if (a.algorithm == null) {
            throw new IllegalArgumentException("--algorithm banker|detect is required (try --help)");
        }
        Consumer<DeadlockArgs> check = ALGORITHMS.get(a.algorithm);
        if (check == null) {
            throw new IllegalArgumentException("--algorithm: no algorithm '" + a.algorithm + "' (known: "
                    + String.join(", ", ALGORITHMS.keySet()) + ")");
        }
        if (a.available == null || a.allocation == null) {
            throw new IllegalArgumentException("--available and --allocation are required (try --help)");
        }
        ResourceMatrix.checkShape("--allocation", a.allocation, a.allocation.length, a.available.length);
        check.accept(a);
        return a;
    }

    /** banker: --max required and at least the allocation; --request and --sequence optional; no --requests. */
    private static void checkBanker(DeadlockArgs a) {
        if (a.requests != null) {
            throw new IllegalArgumentException("--requests is for --algorithm detect (banker takes --max)");
        }
        if (a.max == null) {
            throw new IllegalArgumentException("--algorithm banker needs --max (each process's maximum claim)");
        }
        ResourceMatrix.checkShape("--max", a.max, a.allocation.length, a.available.length);
        for (int p = 0; p < a.max.length; p++) {
            if (!ResourceMatrix.fits(a.allocation[p], a.max[p])) {
                throw new IllegalArgumentException("P" + p + " holds " + DeadlockFormat.counts(a.allocation[p])
                        + ", more than its maximum claim " + DeadlockFormat.counts(a.max[p]));
            }
        }
        if (a.requestText != null) {
            int colon = a.requestText.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--request needs PROCESS:COUNTS such as P1:1,0,2, got '"
                        + a.requestText + "'");
            }
            a.requester = process("--request", a.requestText.substring(0, colon), a.allocation.length);
            a.request = ResourceMatrix.vector("--request", a.requestText.substring(colon + 1));
            if (a.request.length != a.available.length) {
                throw new IllegalArgumentException("--request has " + a.request.length + " counts, expected "
                        + a.available.length + " (one per resource)");
            }
        }
        if (a.sequenceText != null) {
            a.sequence = sequence(a.sequenceText, a.allocation.length);
        }
    }

    /** detect: --requests required; no --max, --request or --sequence. */
    private static void checkDetect(DeadlockArgs a) {
        if (a.max != null || a.requestText != null || a.sequenceText != null) {
            throw new IllegalArgumentException("--max, --request and --sequence are for --algorithm banker"
                    + " (detect takes --requests)");
        }
        if (a.requests == null) {
            throw new IllegalArgumentException("--algorithm detect needs --requests (what each process waits for)");
        }
        ResourceMatrix.checkShape("--requests", a.requests, a.allocation.length, a.available.length);
    }

    /** A process named P3, p3 or 3, among n processes. */
    static int process(String option, String text, int n) {
        String digits = text.trim();
        if (digits.startsWith("P") || digits.startsWith("p")) {
            digits = digits.substring(1);
        }
        int p;
        try {
            p = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a process (P0 to P" + (n - 1) + ")");
        }
        if (p < 0 || p >= n) {
            throw new IllegalArgumentException(option + ": no process " + text + " (P0 to P" + (n - 1) + ")");
        }
        return p;
    }

    /** A permutation of the n processes, such as P1,P3,P4,P2,P0. */
    private static List<Integer> sequence(String text, int n) {
        List<Integer> out = new ArrayList<>();
        boolean[] seen = new boolean[n];
        for (String f : text.split("[,\\s]+", -1)) {
            int p = process("--sequence", f, n);
            if (seen[p]) {
                throw new IllegalArgumentException("--sequence names P" + p + " twice");
            }
            seen[p] = true;
            out.add(p);
        }
        if (out.size() != n) {
            throw new IllegalArgumentException("--sequence names " + out.size() + " processes, expected all " + n);
        }
        return out;
    }
}
