package osbox.testkit.lab;

import java.io.PrintStream;
import java.util.List;

/**
 * The deadlock lab's command line: {@code lab deadlock --algorithm banker|detect ...};
 * see {@link #HELP}. Avoidance (the banker's safety and resource-request
 * algorithms) and detection (the detection algorithm over Allocation and
 * Request), as Silberschatz, "Operating System Concepts", 8.6 and 8.7
 * give them, on matrices from the command line. Exit status: 0 answered
 * (safe or not, granted or not, deadlocked or not), 2 bad arguments.
 */
public final class DeadlockLab {
    /** The usage text. */
    public static final String HELP = String.join("\n",
            "usage: lab deadlock --algorithm banker --available V --max M --allocation M [--request P:V]"
                    + " [--sequence LIST] [--json]",
            "       lab deadlock --algorithm detect --available V --allocation M --requests M [--json]",
            "  V: one count per resource (A, B, C, ...): 3,3,2",
            "  M: one row per process (P0, P1, ...), rows separated by / (or ; quoted): 0,1,0/2,0,0/3,0,2",
            "  --algorithm banker      is the state safe? a safe sequence (Need = Max - Allocation)",
            "  --request P1:1,0,2      banker: may P1 be granted 1,0,2 now (the resource-request algorithm)?",
            "  --sequence P1,P3,P4,P2,P0   banker: is this sequence safe too?",
            "  --algorithm detect      which processes are deadlocked (--requests: what each waits for now)",
            "  --json                  print one line of JSON only",
            "The scan takes, pass after pass in index order, every process whose demand fits in Work.",
            "Counts 0.." + ResourceMatrix.MAX_COUNT + "; at most " + ResourceMatrix.MAX_PROCESSES + " processes and "
                    + ResourceMatrix.MAX_RESOURCES + " resources.");

    private DeadlockLab() {
    }

    /** The verdict on a --request. */
    enum Verdict {
        /** Granted: it fits Need and Available and the state after it is safe. */
        GRANTED,
        /** Must wait: the resources are not available. */
        WAIT_UNAVAILABLE,
        /** Must wait: granting it would leave an unsafe state. */
        WAIT_UNSAFE,
        /** An error: the process asks for more than its maximum claim. */
        EXCEEDS_CLAIM
    }

    /**
     * The banker's answer on a request.
     *
     * @param verdict what happens to the request
     * @param after the scan of the state after granting it, or null when it was not tried
     */
    record RequestAnswer(Verdict verdict, SafetyScan after) {
    }

    /** Runs the lab with args; prints to out and err; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        DeadlockArgs a;
        try {
            a = DeadlockArgs.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("osbox lab deadlock: " + e.getMessage());
            return 2;
        }
        if (a.help) {
            out.println(HELP);
            return 0;
        }
        if (a.algorithm.equals("detect")) {
            SafetyScan scan = SafetyScan.run(a.available, a.allocation, a.requests, holdsNothing(a.allocation));
            out.print(a.json ? DeadlockFormat.detectJson(a, scan) : DeadlockFormat.detectTable(a, scan));
            return 0;
        }
        long[][] need = need(a.max, a.allocation);
        SafetyScan scan = SafetyScan.run(a.available, a.allocation, need, null);
        String sequenceProblem = a.sequence == null ? null
                : SafetyScan.check(a.sequence, a.available, a.allocation, need);
        RequestAnswer answer = a.requester < 0 ? null : request(a, need);
        out.print(a.json ? DeadlockFormat.bankerJson(a, need, scan, sequenceProblem, answer)
                : DeadlockFormat.bankerTable(a, need, scan, sequenceProblem, answer));
        return 0;
    }

    /** Need = Max - Allocation. */
    static long[][] need(long[][] max, long[][] allocation) {
        long[][] need = new long[max.length][];
        for (int p = 0; p < max.length; p++) {
            need[p] = ResourceMatrix.minus(max[p], allocation[p]);
        }
        return need;
    }

    /** The resource-request algorithm: checks against Need and Available, then pretends to grant and scans. */
    static RequestAnswer request(DeadlockArgs a, long[][] need) {
        int p = a.requester;
        if (!ResourceMatrix.fits(a.request, need[p])) {
            return new RequestAnswer(Verdict.EXCEEDS_CLAIM, null);
        }
        if (!ResourceMatrix.fits(a.request, a.available)) {
            return new RequestAnswer(Verdict.WAIT_UNAVAILABLE, null);
        }
        long[][] allocation = a.allocation.clone();
        long[][] needAfter = need.clone();
        allocation[p] = ResourceMatrix.plus(allocation[p], a.request);
        needAfter[p] = ResourceMatrix.minus(need[p], a.request);
        SafetyScan after = SafetyScan.run(ResourceMatrix.minus(a.available, a.request), allocation, needAfter, null);
        return new RequestAnswer(after.unfinished().isEmpty() ? Verdict.GRANTED : Verdict.WAIT_UNSAFE, after);
    }

    /** The processes holding nothing, which the detection algorithm counts as finished from the start. */
    private static boolean[] holdsNothing(long[][] allocation) {
        boolean[] out = new boolean[allocation.length];
        for (int p = 0; p < allocation.length; p++) {
            out[p] = ResourceMatrix.fits(allocation[p], new long[allocation[p].length]);
        }
        return out;
    }

    /** The names of processes: [P1, P3]. */
    static List<String> names(List<Integer> processes) {
        return processes.stream().map(p -> "P" + p).toList();
    }
}
