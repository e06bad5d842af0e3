package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import osbox.testkit.lab.DeadlockLab.RequestAnswer;
import osbox.testkit.lab.DeadlockLab.Verdict;

/** The deadlock lab's two outputs: tables with the scan step by step, or one line of JSON. */
final class DeadlockFormat {
    /** How each request verdict reads, in the table and in JSON. */
    private static final Map<Verdict, String> WHY = Map.of(
            Verdict.GRANTED, "granted: the state after it is safe",
            Verdict.WAIT_UNAVAILABLE, "must wait: the resources are not available",
            Verdict.WAIT_UNSAFE, "must wait: granting it would leave the state unsafe",
            Verdict.EXCEEDS_CLAIM, "refused (an error): it exceeds the process's remaining maximum claim (Need)");

    private DeadlockFormat() {
    }

    /** counts as "1 0 2". */
    static String counts(long[] v) {
        StringBuilder b = new StringBuilder();
        for (long c : v) {
            b.append(b.length() == 0 ? "" : " ").append(c);
        }
        return b.toString();
    }

    /** The banker's answer as text: the matrices, the scan, the verdict, and the request's. */
    static String bankerTable(DeadlockArgs a, long[][] need, SafetyScan scan, String sequenceProblem,
            RequestAnswer answer) {
        StringBuilder b = new StringBuilder("Banker's algorithm: " + a.allocation.length + " processes, "
                + a.available.length + " resources\n\n");
        b.append(matrices(List.of("Allocation", "Max", "Need"), List.of(a.allocation, a.max, need), a.available));
        b.append('\n').append(scanText(scan, a.allocation, "Need"));
        b.append(scan.unfinished().isEmpty()
                ? "The state is SAFE: safe sequence " + angle(scan.sequence()) + "\n"
                : "The state is UNSAFE: no safe sequence; " + String.join(", ", DeadlockLab.names(scan.unfinished()))
                        + " cannot be sure to finish\n");
        if (a.sequence != null) {
            b.append("Sequence ").append(angle(a.sequence)).append(sequenceProblem == null ? " is safe too\n"
                    : " is not safe: " + sequenceProblem + "\n");
        }
        if (answer != null) {
            b.append("\nRequest P").append(a.requester).append(" (").append(counts(a.request)).append("): ")
                    .append(WHY.get(answer.verdict())).append('\n');
            if (answer.after() != null) {
                b.append("After granting it, Available is ")
                        .append(counts(ResourceMatrix.minus(a.available, a.request))).append(":\n");
                b.append(scanText(answer.after(), afterAllocation(a), "Need"));
                b.append(answer.after().unfinished().isEmpty()
                        ? "safe sequence " + angle(answer.after().sequence()) + "\n"
                        : "no safe sequence; " + String.join(", ", DeadlockLab.names(answer.after().unfinished()))
                                + " cannot be sure to finish\n");
            }
        }
        return b.toString();
    }

    /** The detection algorithm's answer as text. */
    static String detectTable(DeadlockArgs a, SafetyScan scan) {
        StringBuilder b = new StringBuilder("Deadlock detection: " + a.allocation.length + " processes, "
                + a.available.length + " resources\n\n");
        b.append(matrices(List.of("Allocation", "Request"), List.of(a.allocation, a.requests), a.available));
        b.append('\n').append(scanText(scan, a.allocation, "Request"));
        List<String> idle = new ArrayList<>();
        for (int p = 0; p < a.allocation.length; p++) {
            if (!scan.sequence().contains(p) && !scan.unfinished().contains(p)) {
                idle.add("P" + p);
            }
        }
        if (!idle.isEmpty()) {
            b.append("(").append(String.join(", ", idle)).append(" hold nothing: finished from the start)\n");
        }
        b.append(scan.unfinished().isEmpty() ? "No deadlock: every process can finish\n"
                : "DEADLOCK: " + String.join(", ", DeadlockLab.names(scan.unfinished())) + " are deadlocked\n");
        return b.toString();
    }

    /** The banker's answer as one line of JSON. */
    static String bankerJson(DeadlockArgs a, long[][] need, SafetyScan scan, String sequenceProblem,
            RequestAnswer answer) {
        StringBuilder b = new StringBuilder("{\"algorithm\":\"banker\",\"processes\":" + a.allocation.length
                + ",\"resources\":" + a.available.length + ",\"need\":" + matrix(need) + ",\"safe\":"
                + scan.unfinished().isEmpty() + ",\"sequence\":" + names(scan.sequence()));
        if (a.sequence != null) {
            b.append(",\"sequenceCheck\":{\"sequence\":").append(names(a.sequence)).append(",\"safe\":")
                    .append(sequenceProblem == null).append(",\"why\":")
                    .append(sequenceProblem == null ? "null" : quote(sequenceProblem)).append('}');
        }
        if (answer != null) {
            b.append(",\"request\":{\"process\":\"P").append(a.requester).append("\",\"counts\":")
                    .append(vector(a.request)).append(",\"granted\":").append(answer.verdict() == Verdict.GRANTED)
                    .append(",\"verdict\":\"").append(answer.verdict().name().toLowerCase(java.util.Locale.ROOT))
                    .append("\",\"why\":").append(quote(WHY.get(answer.verdict())));
            if (answer.after() != null) {
                b.append(",\"sequenceAfter\":").append(names(answer.after().sequence()));
            }
            b.append('}');
        }
        return b.append("}\n").toString();
    }

    /** The detection algorithm's answer as one line of JSON. */
    static String detectJson(DeadlockArgs a, SafetyScan scan) {
        return "{\"algorithm\":\"detect\",\"processes\":" + a.allocation.length + ",\"resources\":"
                + a.available.length + ",\"deadlock\":" + !scan.unfinished().isEmpty() + ",\"deadlocked\":"
                + names(scan.unfinished()) + ",\"sequence\":" + names(scan.sequence()) + "}\n";
    }

    /** The allocation after the user's request is granted. */
    private static long[][] afterAllocation(DeadlockArgs a) {
        long[][] allocation = a.allocation.clone();
        allocation[a.requester] = ResourceMatrix.plus(allocation[a.requester], a.request);
        return allocation;
    }

    /** The matrices side by side, a row per process, then Available. */
    private static String matrices(List<String> titles, List<long[][]> ms, long[] available) {
        int width = 1;
        for (long[][] m : ms) {
            for (long[] row : m) {
                for (long c : row) {
                    width = Math.max(width, Long.toString(c).length());
                }
            }
        }
        for (long c : available) {
            width = Math.max(width, Long.toString(c).length());
        }
        int resources = available.length;
        int column = Math.max(resources * (width + 1) + 1, 12);
        int label = Math.max(4, Integer.toString(ms.get(0).length - 1).length() + 3);
        StringBuilder b = new StringBuilder(pad("", label));
        for (String t : titles) {
            b.append(pad(t, column));
        }
        b.append('\n').append(pad("", label));
        String[] names = new String[resources];
        for (int r = 0; r < resources; r++) {
            names[r] = ResourceMatrix.resource(r);
        }
        for (int t = 0; t < titles.size(); t++) {
            b.append(pad(row(names, width), column));
        }
        for (int p = 0; p < ms.get(0).length; p++) {
            b.append('\n').append(pad("P" + p, label));
            for (long[][] m : ms) {
                b.append(pad(row(m[p], width), column));
            }
        }
        b.append("\nAvailable").append(" ".repeat(Math.max(1, label - 8))).append(row(available, width)).append('\n');
        return b.toString().replaceAll(" +\n", "\n");
    }

    /** The scan as steps: Work, the process taken and what it gives back; then Work at the end. */
    private static String scanText(SafetyScan scan, long[][] allocation, String demand) {
        StringBuilder b = new StringBuilder("Scan (Work starts as Available; a process goes when its " + demand
                + " fits in Work, and gives back its Allocation):\n");
        for (int k = 0; k < scan.sequence().size(); k++) {
            int p = scan.sequence().get(k);
            b.append("  Work ").append(counts(scan.steps().get(k))).append("  ->  P").append(p)
                    .append(" goes, gives back ").append(counts(allocation[p])).append('\n');
        }
        b.append("  Work ").append(counts(scan.steps().get(scan.steps().size() - 1))).append("  (end)\n");
        return b.toString();
    }

    private static String row(String[] cells, int width) {
        StringBuilder b = new StringBuilder();
        for (String c : cells) {
            b.append(b.length() == 0 ? "" : " ").append(" ".repeat(width - c.length())).append(c);
        }
        return b.toString();
    }

    private static String row(long[] v, int width) {
        String[] cells = new String[v.length];
        for (int r = 0; r < v.length; r++) {
            cells[r] = Long.toString(v[r]);
        }
        return row(cells, width);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String angle(List<Integer> processes) {
        return "<" + String.join(", ", DeadlockLab.names(processes)) + ">";
    }

    private static String names(List<Integer> processes) {
        List<String> quoted = new ArrayList<>();
        for (String n : DeadlockLab.names(processes)) {
            quoted.add(quote(n));
        }
        return "[" + String.join(",", quoted) + "]";
    }

    private static String vector(long[] v) {
        return "[" + counts(v).replace(' ', ',') + "]";
    }

    private static String matrix(long[][] m) {
        List<String> rows = new ArrayList<>();
        for (long[] row : m) {
            rows.add(vector(row));
        }
        return "[" + String.join(",", rows) + "]";
    }

    /** A JSON string; the lab's own text has no characters that need more than quote and backslash escapes. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
