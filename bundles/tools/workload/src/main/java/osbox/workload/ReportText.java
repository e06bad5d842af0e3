package osbox.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The text renderings: the table and the terminal Gantt chart. */
final class ReportText {
    static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ReportText() {
    }

    static String table(RunReport r) {
        StringBuilder out = new StringBuilder();
        out.append("workload ").append(r.workload());
        if (!r.file().isEmpty()) {
            out.append(" (").append(r.file()).append(')');
        }
        out.append(": ").append(r.processes().size()).append(r.processes().size() == 1 ? " process" : " processes")
                .append(", policy ").append(r.policy());
        if (!r.finalPolicy().equals(r.policy())) {
            out.append(" (at the end ").append(r.finalPolicy()).append(')');
        }
        out.append(", ").append(r.harts()).append(r.harts() == 1 ? " hart" : " harts").append(", ")
                .append(hz(r.frequencyHz())).append('\n');
        String[] head = {"pid", "name", "arrival", "first run", "completion", "turnaround", "response", "wait",
            "cpu time", "vol", "invol", "status"};
        boolean[] left = {false, true, false, false, false, false, false, false, false, false, false, true};
        List<String[]> rows = new ArrayList<>();
        for (RunReport.ProcessResult p : r.processes()) {
            rows.add(new String[] {p.pid() == 0 ? "-" : Integer.toString(p.pid()), p.label(), r.ms(p.arrival()),
                time(r, p.firstRun()), time(r, p.completion()), time(r, p.turnaround()), time(r, p.response()),
                time(r, p.waitTime()), p.completed() ? r.ms(p.cpuCycles()) : "-",
                Long.toString(p.voluntarySwitches()), Long.toString(p.involuntarySwitches()), p.status()});
        }
        rows.add(new String[] {"", "average", "", "", "", avg(r, r.averageTurnaround()), avg(r, r.averageResponse()),
            avg(r, r.averageWait()), avg(r, r.averageCpu()), "", "", ""});
        appendTable(out, head, rows, left);
        out.append(String.format(Locale.ROOT,
                "times in simulated ms; elapsed %s ms; throughput %.2f processes/s; CPU utilisation %.1f%% of %d %s%n",
                r.ms(r.elapsed()), r.throughput(), 100 * r.utilisation(), r.harts(), r.harts() == 1 ? "hart" : "harts"));
        if (!r.swaps().isEmpty()) {
            out.append("swaps:");
            for (RunReport.SwapResult s : r.swaps()) {
                out.append("  at ").append(r.ms(s.at())).append(" ms ").append(s.policy()).append(options(s.options()));
                out.append(s.error() == null ? "" : " refused: " + s.error());
            }
            out.append('\n');
        }
        if (!r.ejections().isEmpty()) {
            for (RunReport.Ejection e : r.ejections()) {
                out.append("ejected at ").append(r.ms(e.at())).append(" ms: ").append(e.policy()).append(": ")
                        .append(e.reason()).append('\n');
            }
        }
        for (RunReport.ProcessResult p : r.processes()) {
            if (p.killReport() != null) {
                out.append(p.label()).append(": ").append(p.killReport()).append('\n');
            }
        }
        for (RunReport.DeadlockMark d : r.deadlocks()) {
            out.append("at ").append(r.ms(d.at())).append(" ms: ").append(d.text()).append('\n');
        }
        if (r.threaded()) {
            out.append('\n').append(threads(r));
        }
        if (!r.boosts().isEmpty()) {
            out.append("priority inheritance: ").append(r.boostCount()).append(r.boostCount() == 1 ? " boost" : " boosts")
                    .append('\n');
            for (RunReport.BoostMark b : r.boosts()) {
                out.append("  at ").append(r.ms(b.at())).append(" ms: ").append(b.text()).append('\n');
            }
        }
        if (r.hasMemory()) {
            out.append('\n').append(memory(r));
        }
        if (r.hasDisks()) {
            out.append('\n').append(DiskSection.text(r));
        }
        return out.toString();
    }

    /** The thread table: a row per thread of the workload's processes, by tid; times in simulated ms. */
    static String threads(RunReport r) {
        String[] head = {"tid", "pid", "name", "created", "first run", "ended", "cpu time", "vol", "invol", "boosts"};
        boolean[] left = {false, false, true, false, false, false, false, false, false, false};
        List<String[]> rows = new ArrayList<>();
        for (RunReport.ThreadResult t : r.threads()) {
            rows.add(new String[] {Integer.toString(t.tid()), Integer.toString(t.pid()), t.name(), r.ms(t.created()),
                time(r, t.firstRun()), time(r, t.ended()), r.ms(t.cpuCycles()), Long.toString(t.voluntarySwitches()),
                Long.toString(t.involuntarySwitches()), Integer.toString(t.boosts())});
        }
        StringBuilder out = new StringBuilder("threads\n");
        appendTable(out, head, rows, left);
        out.append("boosts: times priority inheritance raised the thread's priority\n");
        return out.toString();
    }

    /** The memory table: a row per process (forked children too), then the totals. */
    static String memory(RunReport r) {
        MemoryTrace t = MemoryTrace.of(r);
        String[] head = {"pid", "name", "zero-fill", "image", "cow", "copied", "major", "page-ins", "page-outs",
            "peak rss", "tlb hits"};
        boolean[] left = new boolean[head.length];
        left[1] = true;
        List<String[]> rows = new ArrayList<>();
        long[] sum = new long[8];
        long tlbAccesses = 0;
        long tlbMisses = 0;
        for (MemoryTrace.Series s : t.series.values()) {
            osbox.api.kernel.MemoryUsage u = s.effectiveUsage();
            long[] v = {s.total(MemoryTrace.Fault.ZERO_FILL), s.total(MemoryTrace.Fault.IMAGE),
                s.total(MemoryTrace.Fault.COW), Math.max(u.cowCopies(), s.cowCopies),
                s.total(MemoryTrace.Fault.MAJOR), Math.max(u.pageIns(), s.pageIns),
                Math.max(u.pageOuts(), s.pageOuts), s.peak()};
            String[] row = new String[head.length];
            row[0] = Integer.toString(s.pid);
            row[1] = s.name;
            for (int i = 0; i < v.length; i++) {
                row[i + 2] = Long.toString(v[i]);
                sum[i] += v[i];
            }
            row[10] = u.tlbAccesses() > 0 ? String.format(Locale.ROOT, "%.2f%%", u.tlbHitRate()) : "-";
            tlbAccesses += u.tlbAccesses();
            tlbMisses += u.tlbMisses();
            rows.add(row);
        }
        String[] total = new String[head.length];
        total[0] = "";
        total[1] = "total";
        for (int i = 0; i < sum.length; i++) {
            total[i + 2] = Long.toString(sum[i]);
        }
        total[10] = tlbAccesses > 0
                ? String.format(Locale.ROOT, "%.2f%%", 100.0 * Math.max(0, tlbAccesses - tlbMisses) / tlbAccesses)
                : "-";
        rows.add(total);
        StringBuilder out = new StringBuilder("memory\n");
        appendTable(out, head, rows, left);
        out.append("faults by kind: zero-fill (minor), image (from the program file), cow (copy-on-write;\n"
                + "copied: the frame was copied), major (read back from swap); peak rss in 4 KiB pages (total: the\n"
                + "sum of the peaks); tlb hits: hit rate of its address translations\n");
        if (!r.traceComplete() && !r.memory().isEmpty()) {
            out.append("note: the trace buffer overflowed; counts come from the final counters where the kernel "
                    + "gave them\n");
        }
        return out.toString();
    }

    /** Appends a table: the header and the rows, each column as wide as its widest cell, left[i] left-aligned. */
    static void appendTable(StringBuilder out, String[] head, List<String[]> rows, boolean[] left) {
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            width[i] = head[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        appendRow(out, head, width, left);
        for (String[] row : rows) {
            appendRow(out, row, width, left);
        }
    }

    private static void appendRow(StringBuilder out, String[] cells, int[] width, boolean[] left) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append("  ");
            }
            String c = cells[i];
            String pad = " ".repeat(width[i] - c.length());
            line.append(left[i] ? c + (i == cells.length - 1 ? "" : pad) : pad + c);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String time(RunReport r, long cycles) {
        return cycles < 0 ? "-" : r.ms(cycles);
    }

    private static String avg(RunReport r, double cycles) {
        return String.format(Locale.ROOT, "%.3f", cycles * 1000.0 / r.frequencyHz());
    }

    static String options(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(" {");
        String sep = "";
        for (Map.Entry<String, String> e : options.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ", ";
        }
        return b.append('}').toString();
    }

    static String hz(long hz) {
        if (hz % 1_000_000_000L == 0) {
            return hz / 1_000_000_000L + " GHz";
        }
        if (hz % 1_000_000L == 0) {
            return hz / 1_000_000L + " MHz";
        }
        return hz + " Hz";
    }

    static char letter(int index) {
        return index < LETTERS.length() ? LETTERS.charAt(index) : '*';
    }

    static String gantt(RunReport r, int columns) {
        List<RunReport.ProcessResult> procs = r.processes();
        TreeMap<Integer, Integer> row = ReportJson.rows(r);
        int labelWidth = 6;
        for (int i = 0; i < procs.size(); i++) {
            labelWidth = Math.max(labelWidth, Math.min(24, rowLabel(procs.get(i)).length()));
        }
        List<RunReport.ThreadResult> threadRows = r.threaded() ? r.threads() : List.of();
        for (RunReport.ThreadResult t : threadRows) {
            labelWidth = Math.max(labelWidth, Math.min(24, threadLabel(t).length()));
        }
        int width = Math.max(20, Math.max(40, columns) - labelWidth - 3);
        long span = Math.max(1, r.elapsed());
        double per = (double) span / width;
        double[][] running = new double[procs.size()][width];
        TreeMap<Integer, double[]> threadRunning = new TreeMap<>();
        for (RunReport.ThreadResult t : threadRows) {
            threadRunning.put(t.tid(), new double[width]);
        }
        double[][] onHart = new double[r.harts()][width];
        int[][] who = new int[r.harts()][width];
        Map<Integer, double[]>[] byPid = perHartMaps(r.harts());
        for (RunReport.Slice s : r.slices()) {
            Integer i = row.get(s.pid());
            double[] hartBuckets = byPid[s.hart()].computeIfAbsent(s.pid(), k -> new double[width]);
            int from = (int) Math.min(width - 1, (long) (s.start() / per));
            int to = (int) Math.min(width - 1, (long) (Math.max(s.start(), s.end() - 1) / per));
            for (int c = from; c <= to; c++) {
                double lo = Math.max(s.start(), c * per);
                double hi = Math.min(s.end(), (c + 1) * per);
                if (hi > lo) {
                    if (i != null) {
                        running[i][c] += hi - lo;
                    }
                    double[] own = threadRunning.get(s.pid());
                    if (own != null) {
                        own[c] += hi - lo;
                    }
                    hartBuckets[c] += hi - lo;
                    onHart[s.hart()][c] += hi - lo;
                }
            }
        }
        for (int h = 0; h < r.harts(); h++) {
            Arrays.fill(who[h], -1);
            double[] best = new double[width];
            for (Map.Entry<Integer, double[]> e : byPid[h].entrySet()) {
                for (int c = 0; c < width; c++) {
                    if (e.getValue()[c] > best[c]) {
                        best[c] = e.getValue()[c];
                        who[h][c] = e.getKey();
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Gantt chart: %s, policy %s, 0 to %s ms, %.3f ms per column%n",
                r.workload(), r.policy(), r.ms(r.elapsed()), per * 1000.0 / r.frequencyHz()));
        for (int i = 0; i < procs.size(); i++) {
            RunReport.ProcessResult p = procs.get(i);
            char[] bar = new char[width];
            for (int c = 0; c < width; c++) {
                double lo = c * per;
                double hi = (c + 1) * per;
                boolean alive = p.arrival() < hi && (p.completion() < 0 ? p.error() == null : p.completion() > lo);
                if (running[i][c] >= per / 2) {
                    bar[c] = '#';
                } else if (running[i][c] > 0) {
                    bar[c] = '+';
                } else {
                    bar[c] = alive ? '.' : ' ';
                }
            }
            out.append(pad(rowLabel(p), labelWidth)).append(" |").append(bar).append("|\n");
            for (RunReport.ThreadResult t : threadRows) {
                if (t.pid() == p.pid()) {
                    out.append(pad(threadLabel(t), labelWidth)).append(" |")
                            .append(threadBar(r, t, threadRunning.get(t.tid()), per, width)).append("|\n");
                }
            }
        }
        for (int h = 0; h < r.harts(); h++) {
            char[] bar = new char[width];
            for (int c = 0; c < width; c++) {
                int pid = who[h][c];
                if (pid < 0 || onHart[h][c] <= 0) {
                    bar[c] = '-';
                } else {
                    Integer i = row.get(pid);
                    bar[c] = i == null ? '*' : letter(i);
                }
            }
            out.append(pad("hart " + h, labelWidth)).append(" |").append(bar).append("|\n");
        }
        if (!r.swaps().isEmpty() || !r.ejections().isEmpty()) {
            char[] bar = new char[width];
            Arrays.fill(bar, ' ');
            for (RunReport.SwapResult s : r.swaps()) {
                bar[(int) Math.min(width - 1, (long) (s.at() / per))] = 'S';
            }
            for (RunReport.Ejection e : r.ejections()) {
                bar[(int) Math.min(width - 1, Math.max(0, (long) (e.at() / per)))] = 'X';
            }
            out.append(pad("policy", labelWidth)).append(" |").append(bar).append("|\n");
        }
        String start = "0 ms";
        String end = r.ms(r.elapsed()) + " ms";
        String mid = r.ms(r.elapsed() / 2) + " ms";
        char[] axis = new char[width + 2];
        Arrays.fill(axis, ' ');
        put(axis, 0, start);
        put(axis, Math.max(start.length() + 1, (width + 2) / 2 - mid.length() / 2), mid);
        put(axis, width + 2 - end.length(), end);
        out.append(" ".repeat(labelWidth)).append(' ').append(new String(axis).stripTrailing()).append('\n');
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < procs.size() && i < LETTERS.length(); i++) {
            legend.append(i == 0 ? "" : "  ").append(letter(i)).append(' ').append(procs.get(i).label());
        }
        if (procs.size() > LETTERS.length()) {
            legend.append("  * others");
        }
        out.append(wrap(legend.toString(), Math.max(40, columns))).append('\n');
        out.append("# running most of the column, + running part of it, . waiting (arrived, not done)\n");
        if (!threadRows.isEmpty()) {
            out.append("indented rows: the process's threads (tid)");
            out.append(r.boosts().isEmpty() ? "\n" : "; ^ priority inheritance boosted it, v its own priority back\n");
        }
        out.append("hart rows: the process that ran most of the column, - idle");
        if (!r.swaps().isEmpty() || !r.ejections().isEmpty()) {
            out.append("; S policy swap, X ejection");
        }
        out.append('\n');
        if (!r.traceComplete()) {
            out.append("note: the trace buffer overflowed; slices before ").append(r.ms(r.traceStart()))
                    .append(" ms are missing (raise the machine's trace capacity)\n");
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, double[]>[] perHartMaps(int harts) {
        Map<Integer, double[]>[] m = new Map[harts];
        for (int h = 0; h < harts; h++) {
            m[h] = new TreeMap<>();
        }
        return m;
    }

    // A thread's row: as a process's, from its creation to its end, with ^ where priority inheritance
    // raised its priority and v where it went back.
    private static char[] threadBar(RunReport r, RunReport.ThreadResult t, double[] running, double per, int width) {
        char[] bar = new char[width];
        for (int c = 0; c < width; c++) {
            double lo = c * per;
            double hi = (c + 1) * per;
            boolean alive = t.created() < hi && (t.ended() < 0 || t.ended() > lo);
            bar[c] = running[c] >= per / 2 ? '#' : running[c] > 0 ? '+' : alive ? '.' : ' ';
        }
        for (RunReport.BoostMark b : r.boosts()) {
            if (b.tid() == t.tid()) {
                bar[(int) Math.min(width - 1, Math.max(0, (long) (b.at() / per)))] = b.raised() ? '^' : 'v';
            }
        }
        return bar;
    }

    private static String threadLabel(RunReport.ThreadResult t) {
        return "  " + t.name() + " (" + t.tid() + ")";
    }

    private static String rowLabel(RunReport.ProcessResult p) {
        return p.label() + (p.pid() == 0 ? "" : " (" + p.pid() + ")");
    }

    private static String pad(String s, int width) {
        if (s.length() > width) {
            return s.substring(0, width - 1) + "~";
        }
        return s + " ".repeat(width - s.length());
    }

    private static void put(char[] line, int at, String s) {
        for (int i = 0; i < s.length() && at + i < line.length; i++) {
            if (at + i >= 0) {
                line[at + i] = s.charAt(i);
            }
        }
    }

    private static String wrap(String text, int columns) {
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        for (String word : text.split("  ")) {
            if (out.length() - lineStart + word.length() + 2 > columns && out.length() > lineStart) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append("  ");
            }
            out.append(word);
        }
        return out.toString();
    }
}
