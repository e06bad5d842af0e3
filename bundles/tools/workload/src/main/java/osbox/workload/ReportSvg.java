package osbox.workload;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The SVG Gantt chart. */
final class ReportSvg {
    private static final int WIDTH = 1000;
    private static final int LEFT = 180;
    private static final int RIGHT = 30;
    private static final int TOP = 58;
    private static final int LANE = 22;
    private static final int GAP = 6;

    private ReportSvg() {
    }

    /**
     * Processes drawn in a lane each, at most; past that, the first
     * {@code MAX_PROCESS_LANES - 1} get a lane each and the others share one
     * ("N more processes"), so that the chart stays under
     * {@link #MAX_HEIGHT}, which common SVG renderers accept.
     */
    static final int MAX_PROCESS_LANES = 300;
    /** The tallest chart drawn, in pixels (what common renderers accept: 2^15 - 1). */
    static final int MAX_HEIGHT = 32_767;
    /** Hue of the first process, in degrees (a blue). */
    private static final double FIRST_HUE = 210;
    /** Hue step between consecutive processes, in degrees: the golden angle, so hues never line up. */
    private static final double GOLDEN_ANGLE = 137.50776405003785;
    /** Lightness of consecutive processes, in turn. */
    private static final double[] LIGHTNESS = {0.45, 0.62, 0.32};
    /** Saturation of every process colour. */
    private static final double SATURATION = 0.62;

    /**
     * The colour of the process at {@code index} in the report (-1: one the
     * report does not list, grey). Deterministic; hues step by the golden
     * angle and the lightness changes with each process, so colours do not
     * repeat after a few processes and neighbours differ in both.
     */
    static String colour(int index) {
        if (index < 0) {
            return "#999999";
        }
        double hue = (FIRST_HUE + index * GOLDEN_ANGLE) % 360;
        return hslToHex(hue, SATURATION, LIGHTNESS[index % LIGHTNESS.length]);
    }

    /** An HSL colour (hue in degrees, saturation and lightness 0..1) as #rrggbb. */
    static String hslToHex(double hue, double saturation, double lightness) {
        double chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
        double sector = hue / 60;
        double second = chroma * (1 - Math.abs(sector % 2 - 1));
        double[][] bySector = {{chroma, second, 0}, {second, chroma, 0}, {0, chroma, second}, {0, second, chroma},
            {second, 0, chroma}, {chroma, 0, second}};
        double[] rgb = bySector[Math.min(5, (int) sector)];
        double m = lightness - chroma / 2;
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round((rgb[0] + m) * 255),
                Math.round((rgb[1] + m) * 255), Math.round((rgb[2] + m) * 255));
    }

    /** Lanes of processes: one per process, or {@link #MAX_PROCESS_LANES} with the last one shared. */
    static int processLanes(int processes) {
        return Math.min(processes, MAX_PROCESS_LANES);
    }

    /** The lane of the process at {@code row} (the shared last lane for those past the others). */
    private static int laneOf(int row, int processes) {
        return Math.min(row, processLanes(processes) - 1);
    }

    /** Whether the process at {@code row} shares the last lane with others. */
    private static boolean shared(int row, int processes) {
        return processes > MAX_PROCESS_LANES && row >= MAX_PROCESS_LANES - 1;
    }

    /** At most this many threads get a lane of their own (below the processes), when a process has several. */
    static final int MAX_THREAD_LANES = 64;

    /** Draws the chart on {@code o}, element by element. */
    static void svg(RunReport r, TextOut o) {
        List<RunReport.ProcessResult> procs = r.processes();
        TreeMap<Integer, Integer> rows = ReportJson.rows(r);
        int processLanes = processLanes(procs.size());
        List<RunReport.ThreadResult> threads = r.threaded()
                ? r.threads().subList(0, Math.min(MAX_THREAD_LANES, r.threads().size())) : List.of();
        TreeMap<Integer, Integer> threadLane = new TreeMap<>();
        for (int i = 0; i < threads.size(); i++) {
            threadLane.put(threads.get(i).tid(), processLanes + i);
        }
        int hartLanes = processLanes + threads.size();
        int lanes = hartLanes + r.harts();
        int plotW = WIDTH - LEFT - RIGHT;
        int lanesBottom = TOP + lanes * (LANE + GAP) + GAP;
        int axisY = lanesBottom + 4;
        int legendY = axisY + 44;
        int height = legendY + 40 + (r.traceComplete() ? 0 : 20);
        double span = Math.max(1, r.elapsed());
        begin(o, WIDTH, height);
        o.append("<text x=\"12\" y=\"22\" font-size=\"16\" font-weight=\"bold\">")
                .append(esc("Workload " + r.workload() + ": policy " + r.policy()
                        + (r.finalPolicy().equals(r.policy()) ? "" : " (at the end " + r.finalPolicy() + ")")))
                .append("</text>\n");
        o.append("<text x=\"12\" y=\"42\" fill=\"#444444\">")
                .append(esc(String.format(Locale.ROOT,
                        "%d processes, %d %s, elapsed %s ms, avg turnaround %.3f ms, avg response %.3f ms, "
                                + "throughput %.2f/s, CPU utilisation %.1f%%",
                        procs.size(), r.harts(), r.harts() == 1 ? "hart" : "harts", r.ms(r.elapsed()),
                        r.averageTurnaround() * 1000 / r.frequencyHz(), r.averageResponse() * 1000 / r.frequencyHz(),
                        r.throughput(), 100 * r.utilisation())))
                .append("</text>\n");
        // lanes
        for (int i = 0; i < lanes; i++) {
            int y = laneY(i);
            o.append("<rect x=\"").append(LEFT).append("\" y=\"").append(y).append("\" width=\"").append(plotW)
                    .append("\" height=\"").append(LANE).append("\" fill=\"").append(i % 2 == 0 ? "#f7f7f7" : "#efefef")
                    .append("\"/>\n");
        }
        for (int i = 0; i < procs.size(); i++) {
            RunReport.ProcessResult p = procs.get(i);
            int y = laneY(laneOf(i, procs.size()));
            if (shared(i, procs.size())) {
                if (i == MAX_PROCESS_LANES - 1) {
                    o.append("<text x=\"26\" y=\"").append(y + 15).append("\" font-style=\"italic\">")
                            .append(esc((procs.size() - i) + " more processes")).append("</text>\n");
                }
                o.append("<path d=\"M").append(x(p.arrival(), span, plotW)).append(' ').append(y)
                        .append(" l4 -5 h-8 z\" fill=\"#333333\"/>\n");
                continue;
            }
            o.append("<rect x=\"8\" y=\"").append(y + 5).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(colour(i)).append("\"/>\n");
            o.append("<text x=\"26\" y=\"").append(y + 15).append("\">")
                    .append(esc(clip(p.label() + (p.pid() == 0 ? " (not started)" : " (pid " + p.pid() + ")"), 24)))
                    .append("</text>\n");
            if (p.completed() || p.error() == null) {
                long end = p.completed() ? p.completion() : r.elapsed();
                o.append("<rect class=\"waiting\" x=\"").append(x(p.arrival(), span, plotW)).append("\" y=\"")
                        .append(y + 7).append("\" width=\"").append(w(p.arrival(), end, span, plotW))
                        .append("\" height=\"8\" fill=\"#c8c8c8\"><title>")
                        .append(esc(p.label() + ": arrived " + r.ms(p.arrival()) + " ms"
                                + (p.completed() ? ", done " + r.ms(p.completion()) + " ms, turnaround "
                                        + r.ms(p.turnaround()) + " ms" : "")))
                        .append("</title></rect>\n");
            }
            o.append("<path d=\"M").append(x(p.arrival(), span, plotW)).append(' ').append(y)
                    .append(" l4 -5 h-8 z\" fill=\"#333333\"/>\n");
        }
        for (RunReport.ThreadResult t : threads) {
            int y = laneY(threadLane.get(t.tid()));
            Integer row = rows.get(t.tid());
            o.append("<rect x=\"16\" y=\"").append(y + 8).append("\" width=\"8\" height=\"8\" fill=\"")
                    .append(colour(row == null ? -1 : row)).append("\"/>\n");
            o.append("<text x=\"30\" y=\"").append(y + 15).append("\">")
                    .append(esc(clip(t.name() + " (tid " + t.tid() + ")", 22))).append("</text>\n");
            o.append("<rect class=\"waiting\" x=\"").append(x(t.created(), span, plotW)).append("\" y=\"")
                    .append(y + 7).append("\" width=\"").append(w(t.created(), t.ended() < 0 ? r.elapsed() : t.ended(),
                            span, plotW)).append("\" height=\"8\" fill=\"#c8c8c8\"><title>")
                    .append(esc(t.name() + " (tid " + t.tid() + " of pid " + t.pid() + "): created "
                            + r.ms(t.created()) + " ms" + (t.ended() < 0 ? "" : ", ended " + r.ms(t.ended()) + " ms")
                            + ", cpu " + r.ms(t.cpuCycles()) + " ms, " + t.boosts() + " boosts"))
                    .append("</title></rect>\n");
        }
        for (int h = 0; h < r.harts(); h++) {
            int y = laneY(hartLanes + h);
            o.append("<text x=\"26\" y=\"").append(y + 15).append("\" font-style=\"italic\">hart ").append(h)
                    .append("</text>\n");
        }
        for (RunReport.Slice s : r.slices()) {
            Integer row = rows.get(s.pid());
            String fill = colour(row == null ? -1 : row);
            String label = row == null ? "pid " + s.pid() : procs.get(row).label();
            String title = esc(label + " on hart " + s.hart() + ": " + r.ms(s.start()) + " to " + r.ms(s.end())
                    + " ms");
            if (row != null) {
                o.append("<rect class=\"run\" x=\"").append(x(s.start(), span, plotW)).append("\" y=\"")
                        .append(laneY(laneOf(row, procs.size())) + 2).append("\" width=\"")
                        .append(w(s.start(), s.end(), span, plotW))
                        .append("\" height=\"").append(LANE - 4).append("\" fill=\"").append(fill)
                        .append("\"><title>").append(title).append("</title></rect>\n");
            }
            Integer own = threadLane.get(s.pid());
            if (own != null) {
                o.append("<rect class=\"run\" x=\"").append(x(s.start(), span, plotW)).append("\" y=\"")
                        .append(laneY(own) + 2).append("\" width=\"").append(w(s.start(), s.end(), span, plotW))
                        .append("\" height=\"").append(LANE - 4).append("\" fill=\"").append(fill)
                        .append("\"><title>").append(esc("tid " + s.pid() + " on hart " + s.hart() + ": "
                                + r.ms(s.start()) + " to " + r.ms(s.end()) + " ms")).append("</title></rect>\n");
            }
            o.append("<rect class=\"hart\" x=\"").append(x(s.start(), span, plotW)).append("\" y=\"")
                    .append(laneY(hartLanes + s.hart()) + 2).append("\" width=\"")
                    .append(w(s.start(), s.end(), span, plotW)).append("\" height=\"").append(LANE - 4)
                    .append("\" fill=\"").append(fill).append("\"><title>").append(title).append("</title></rect>\n");
        }
        boosts(r, o, threadLane, span, plotW);
        // swaps and ejections across every lane
        for (RunReport.SwapResult s : r.swaps()) {
            String x = x(s.at(), span, plotW);
            o.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(lanesBottom).append("\" stroke=\"#2255cc\" stroke-width=\"1.5\" ")
                    .append("stroke-dasharray=\"5,3\"><title>")
                    .append(esc("at " + r.ms(s.at()) + " ms: policy " + s.policy() + ReportText.options(s.options())
                            + (s.error() == null ? "" : " refused: " + s.error())))
                    .append("</title></line>\n");
            o.append("<text x=\"").append(x).append("\" y=\"").append(TOP - 7)
                    .append("\" font-size=\"10\" fill=\"#2255cc\" text-anchor=\"middle\">")
                    .append(esc(s.policy())).append("</text>\n");
        }
        for (RunReport.Ejection e : r.ejections()) {
            String x = x(e.at(), span, plotW);
            o.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(lanesBottom).append("\" stroke=\"#dd0000\" stroke-width=\"2\"><title>")
                    .append(esc("at " + r.ms(e.at()) + " ms: " + e.policy() + " ejected: " + e.reason()))
                    .append("</title></line>\n");
        }
        // time axis
        o.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(axisY).append("\" x2=\"").append(LEFT + plotW)
                .append("\" y2=\"").append(axisY).append("\" stroke=\"#000000\"/>\n");
        double spanMs = span * 1000.0 / r.frequencyHz();
        BigDecimal step = step(spanMs);
        for (BigDecimal t = BigDecimal.ZERO; t.doubleValue() <= spanMs + 1e-9; t = t.add(step)) {
            double cycles = t.doubleValue() * r.frequencyHz() / 1000.0;
            String x = fmt(LEFT + plotW * cycles / span);
            o.append("<line x1=\"").append(x).append("\" y1=\"").append(axisY).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(axisY + 5).append("\" stroke=\"#000000\"/>\n");
            o.append("<text x=\"").append(x).append("\" y=\"").append(axisY + 18)
                    .append("\" font-size=\"10\" text-anchor=\"middle\">")
                    .append(t.stripTrailingZeros().toPlainString()).append("</text>\n");
        }
        o.append("<text x=\"").append(LEFT + plotW).append("\" y=\"").append(axisY + 32)
                .append("\" font-size=\"11\" text-anchor=\"end\">simulated time (ms)</text>\n");
        // legend
        int lx = 12;
        o.append("<g class=\"legend\" font-size=\"11\">\n");
        o.append("<rect x=\"").append(lx).append("\" y=\"").append(legendY).append("\" width=\"24\" height=\"12\" fill=\"")
                .append(colour(0)).append("\"/><text x=\"").append(lx + 30).append("\" y=\"").append(legendY + 10)
                .append("\">running (a colour per process; hart lanes: who ran)</text>\n");
        lx += 330;
        o.append("<rect x=\"").append(lx).append("\" y=\"").append(legendY + 2)
                .append("\" width=\"24\" height=\"8\" fill=\"#c8c8c8\"/><text x=\"").append(lx + 30).append("\" y=\"")
                .append(legendY + 10).append("\">waiting (arrived, not done)</text>\n");
        lx += 200;
        o.append("<path d=\"M").append(lx + 8).append(' ').append(legendY + 11)
                .append(" l4 -5 h-8 z\" fill=\"#333333\"/><text x=\"").append(lx + 20).append("\" y=\"")
                .append(legendY + 10).append("\">arrival</text>\n");
        lx += 80;
        o.append("<line x1=\"").append(lx).append("\" y1=\"").append(legendY).append("\" x2=\"").append(lx)
                .append("\" y2=\"").append(legendY + 12).append("\" stroke=\"#2255cc\" stroke-width=\"1.5\" ")
                .append("stroke-dasharray=\"5,3\"/><text x=\"").append(lx + 6).append("\" y=\"").append(legendY + 10)
                .append("\">policy swap</text>\n");
        lx += 90;
        o.append("<line x1=\"").append(lx).append("\" y1=\"").append(legendY).append("\" x2=\"").append(lx)
                .append("\" y2=\"").append(legendY + 12).append("\" stroke=\"#dd0000\" stroke-width=\"2\"/><text x=\"")
                .append(lx + 6).append("\" y=\"").append(legendY + 10).append("\">ejection</text>\n");
        if (!r.boosts().isEmpty()) {
            lx += 80;
            o.append("<path d=\"M").append(lx + 6).append(' ').append(legendY + 12)
                    .append(" l6 -10 l6 10 z\" fill=\"#dd0000\"/><rect x=\"").append(lx + 14).append("\" y=\"")
                    .append(legendY).append("\" width=\"20\" height=\"12\" fill=\"none\" stroke=\"#dd0000\"/>")
                    .append("<text x=\"").append(lx + 40).append("\" y=\"").append(legendY + 10)
                    .append("\">priority boost (inheritance)</text>\n");
        }
        o.append("</g>\n");
        if (!r.traceComplete()) {
            o.append("<text x=\"12\" y=\"").append(legendY + 34).append("\" fill=\"#dd0000\">")
                    .append(esc("The trace buffer overflowed: run slices before " + r.ms(r.traceStart())
                            + " ms are missing (raise the machine's trace capacity)."))
                    .append("</text>\n");
        }
        o.append("</svg>\n");
    }

    // Priority inheritance on the boosted thread's lane: a red triangle where its priority was raised, a
    // grey one where it went back, and a red outline while it ran lent a better priority.
    private static void boosts(RunReport r, TextOut o, TreeMap<Integer, Integer> threadLane, double span, int plotW) {
        List<RunReport.BoostMark> marks = r.boosts();
        for (int i = 0; i < marks.size(); i++) {
            RunReport.BoostMark b = marks.get(i);
            Integer lane = threadLane.get(b.tid());
            if (lane == null) {
                continue;
            }
            int y = laneY(lane);
            String title = esc("at " + r.ms(b.at()) + " ms: " + b.text() + " (from " + b.from() + ")");
            if (b.raised()) {
                long until = r.elapsed();
                for (int j = i + 1; j < marks.size(); j++) {
                    if (marks.get(j).tid() == b.tid()) {
                        until = marks.get(j).at();
                        break;
                    }
                }
                o.append("<rect class=\"boost\" x=\"").append(x(b.at(), span, plotW)).append("\" y=\"").append(y + 1)
                        .append("\" width=\"").append(w(b.at(), until, span, plotW)).append("\" height=\"")
                        .append(LANE - 2).append("\" fill=\"none\" stroke=\"#dd0000\" stroke-width=\"2\"><title>")
                        .append(title).append("</title></rect>\n");
            }
            o.append("<path class=\"boost-mark\" d=\"M").append(x(b.at(), span, plotW)).append(' ')
                    .append(b.raised() ? y - 1 : y - 9).append(b.raised() ? " l-5 -8 h10 z" : " l-5 8 h10 z")
                    .append("\" fill=\"").append(b.raised() ? "#dd0000" : "#777777").append("\"><title>").append(title)
                    .append("</title></path>\n");
        }
    }

    private static int laneY(int lane) {
        return TOP + GAP + lane * (LANE + GAP);
    }

    private static String x(long cycles, double span, int plotW) {
        return fmt(LEFT + plotW * Math.min(span, Math.max(0, cycles)) / span);
    }

    private static String w(long from, long to, double span, int plotW) {
        return fmt(Math.max(0.5, plotW * (Math.min(span, to) - Math.max(0, from)) / span));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    // A tick step of 1, 2 or 5 times a power of ten giving at most about ten ticks.
    static BigDecimal step(double spanMs) {
        double raw = Math.max(spanMs / 10, 1e-6);
        int exp = (int) Math.floor(Math.log10(raw));
        BigDecimal pow = BigDecimal.ONE.scaleByPowerOfTen(exp);
        for (int m : new int[] {1, 2, 5, 10}) {
            BigDecimal s = pow.multiply(BigDecimal.valueOf(m));
            if (s.doubleValue() >= raw) {
                return s;
            }
        }
        return pow.multiply(BigDecimal.TEN);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /** Starts an SVG document of {@code width} x {@code height} pixels: the prolog, the svg element, a white ground. */
    static void begin(TextOut o, int width, int height) {
        o.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        o.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        o.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
