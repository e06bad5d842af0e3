package osbox.workload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import osbox.api.kernel.MemoryUsage;

/**
 * The memory chart as SVG: the resident set of every process on one chart
 * (a step line per process, in its Gantt colour), then a row per process with
 * its resident set and swapped pages, and its cumulative faults by kind.
 * Every RSS line is a {@code polyline} with {@code class="rss"} (overview) or
 * {@code class="rss-detail"} (its row) and {@code data-pid}; fault lines have
 * {@code class="faults"}, {@code data-pid} and {@code data-kind}.
 */
final class MemorySvg {
    static final int WIDTH = 1000;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int OVERVIEW_TOP = 78;
    static final int OVERVIEW_HEIGHT = 180;
    static final int ROW_HEIGHT = 158;
    static final int DETAIL_HEIGHT = 90;
    static final int SPLIT = 510;
    static final int FAULTS_LEFT = 580;
    /** Rows drawn per process at most (the overview draws every process). */
    static final int MAX_ROWS = 16;

    private MemorySvg() {
    }

    /** Maps simulated time and a value to a chart's pixels. */
    record Frame(double x, double y, double w, double h, long span, long yMax) {
        double px(long at) {
            return x + w * Math.min(span, Math.max(0, at)) / (double) span;
        }

        double py(long value) {
            return y + h - h * Math.min(yMax, Math.max(0, value)) / (double) yMax;
        }
    }

    /** Draws the chart on {@code o}, element by element. */
    static void svg(RunReport r, TextOut o) {
        MemoryTrace t = MemoryTrace.of(r);
        List<MemoryTrace.Series> all = new ArrayList<>(t.series.values());
        List<MemoryTrace.Series> rows = all.subList(0, Math.min(MAX_ROWS, all.size()));
        int legendRows = (all.size() + 3) / 4;
        int overviewBottom = OVERVIEW_TOP + OVERVIEW_HEIGHT;
        int legendTop = overviewBottom + 40;
        int rowsTop = legendTop + legendRows * 18 + 16;
        int keyTop = rowsTop + rows.size() * ROW_HEIGHT + 4;
        int height = keyTop + 30 + (all.size() > rows.size() ? 18 : 0) + (r.traceComplete() ? 0 : 18)
                + (r.hasMemory() ? 0 : 18);
        long span = t.end;
        ReportSvg.begin(o, WIDTH, height);
        o.append("<text x=\"12\" y=\"22\" font-size=\"16\" font-weight=\"bold\">")
                .append(esc("Memory: workload " + r.workload() + ", scheduling policy " + r.policy()))
                .append("</text>\n");
        MemoryUsage total = MemoryUsage.NONE;
        for (MemoryTrace.Series s : all) {
            total = total.plus(s.effectiveUsage());
        }
        o.append("<text x=\"12\" y=\"42\" fill=\"#444444\">").append(esc(String.format(Locale.ROOT,
                "%d %s, %s ms; faults: %d zero fill, %d image, %d copy-on-write (%d copied), %d major; "
                        + "%d page-ins, %d page-outs",
                all.size(), all.size() == 1 ? "process" : "processes", r.ms(r.elapsed()), total.minorFaults(),
                total.imageFaults(), total.cowFaults(), total.cowCopies(), total.majorFaults(), total.pageIns(),
                total.pageOuts()))).append("</text>\n");
        // overview: every resident set
        Frame over = new Frame(LEFT, OVERVIEW_TOP, WIDTH - LEFT - RIGHT, OVERVIEW_HEIGHT, span,
                niceMax(t.maxResident()));
        o.append("<text x=\"").append(LEFT).append("\" y=\"").append(OVERVIEW_TOP - 8)
                .append("\" font-weight=\"bold\">resident set (pages), every process</text>\n");
        frame(o, over, r, t.known, 10);
        for (MemoryTrace.Series s : all) {
            String title = s.label + ": peak " + s.peak() + " pages";
            steps(o, over, s.resident, stop(s, span), "rss", s.pid, null, ReportSvg.colour(s.colourIndex), 2, null,
                    title);
        }
        axisLabel(o, over);
        // legend of processes
        o.append("<g class=\"legend\" font-size=\"11\">\n");
        for (int i = 0; i < all.size(); i++) {
            MemoryTrace.Series s = all.get(i);
            int lx = 12 + (i % 4) * 245;
            int ly = legendTop + (i / 4) * 18;
            o.append("<line x1=\"").append(lx).append("\" y1=\"").append(ly + 6).append("\" x2=\"").append(lx + 22)
                    .append("\" y2=\"").append(ly + 6).append("\" stroke=\"").append(ReportSvg.colour(s.colourIndex))
                    .append("\" stroke-width=\"3\"/><text x=\"").append(lx + 28).append("\" y=\"").append(ly + 10)
                    .append("\">").append(esc(clip(s.label, 34))).append("</text>\n");
        }
        o.append("</g>\n");
        // a row per process
        for (int i = 0; i < rows.size(); i++) {
            MemoryTrace.Series s = rows.get(i);
            int y0 = rowsTop + i * ROW_HEIGHT;
            o.append("<line x1=\"12\" y1=\"").append(y0).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"")
                    .append(y0).append("\" stroke=\"#dddddd\"/>\n");
            o.append("<rect x=\"12\" y=\"").append(y0 + 8).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(ReportSvg.colour(s.colourIndex)).append("\"/>\n");
            o.append("<text x=\"30\" y=\"").append(y0 + 18).append("\"><tspan font-weight=\"bold\">")
                    .append(esc(clip(s.label, 40))).append("</tspan>").append(esc(rowSummary(s))).append("</text>\n");
            int top = y0 + 40;
            long yMax = niceMax(Math.max(maxOf(s.resident), maxOf(s.swapped)));
            Frame left = new Frame(LEFT, top, SPLIT - LEFT, DETAIL_HEIGHT, span, yMax);
            o.append("<text x=\"").append(LEFT).append("\" y=\"").append(top - 6)
                    .append("\" font-size=\"11\" fill=\"#444444\">resident (solid) and swapped (dashed) pages</text>\n");
            frame(o, left, r, t.known, 5);
            unit(o, left);
            boolean anySwap = maxOf(s.swapped) > 0;
            if (anySwap) {
                steps(o, left, s.swapped, stop(s, span), "swapped", s.pid, null, "#777777", 1.3, "5,3",
                        s.label + ": swapped pages");
            }
            steps(o, left, s.resident, stop(s, span), "rss-detail", s.pid, null, ReportSvg.colour(s.colourIndex), 2,
                    null, s.label + ": resident pages");
            long fMax = 0;
            for (MemoryTrace.Fault f : MemoryTrace.Fault.values()) {
                fMax = Math.max(fMax, maxOf(s.faults[f.ordinal()]));
            }
            Frame right = new Frame(FAULTS_LEFT, top, WIDTH - RIGHT - 6 - FAULTS_LEFT, DETAIL_HEIGHT, span,
                    niceMax(fMax));
            o.append("<text x=\"").append(FAULTS_LEFT).append("\" y=\"").append(top - 6)
                    .append("\" font-size=\"11\" fill=\"#444444\">faults so far, by kind</text>\n");
            frame(o, right, r, t.known, 5);
            unit(o, right);
            for (MemoryTrace.Fault f : MemoryTrace.Fault.values()) {
                List<MemoryTrace.Point> line = s.faults[f.ordinal()];
                if (maxOf(line) > 0) {
                    steps(o, right, line, stop(s, span), "faults", s.pid, f.name().toLowerCase(Locale.ROOT), f.colour,
                            1.8, null, s.label + ": " + f.label + " faults, " + s.total(f) + " in all");
                }
            }
            if (fMax == 0) {
                o.append("<text x=\"").append(fmt(right.x() + right.w() / 2)).append("\" y=\"")
                        .append(fmt(right.y() + right.h() / 2)).append("\" text-anchor=\"middle\" fill=\"#888888\">")
                        .append("no faults</text>\n");
            }
        }
        // key
        o.append("<g class=\"legend\" font-size=\"11\">\n");
        int kx = 12;
        o.append("<line x1=\"").append(kx).append("\" y1=\"").append(keyTop + 6).append("\" x2=\"").append(kx + 22)
                .append("\" y2=\"").append(keyTop + 6).append("\" stroke=\"#555555\" stroke-width=\"2\"/><text x=\"")
                .append(kx + 28).append("\" y=\"").append(keyTop + 10).append("\">resident set</text>\n");
        kx += 110;
        o.append("<line x1=\"").append(kx).append("\" y1=\"").append(keyTop + 6).append("\" x2=\"").append(kx + 22)
                .append("\" y2=\"").append(keyTop + 6)
                .append("\" stroke=\"#555555\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/><text x=\"")
                .append(kx + 28).append("\" y=\"").append(keyTop + 10).append("\">swapped</text>\n");
        kx += 100;
        o.append("<text x=\"").append(kx).append("\" y=\"").append(keyTop + 10).append("\">faults:</text>\n");
        kx += 48;
        for (MemoryTrace.Fault f : MemoryTrace.Fault.values()) {
            o.append("<line x1=\"").append(kx).append("\" y1=\"").append(keyTop + 6).append("\" x2=\"")
                    .append(kx + 22).append("\" y2=\"").append(keyTop + 6).append("\" stroke=\"").append(f.colour)
                    .append("\" stroke-width=\"2.5\"/><text x=\"").append(kx + 28).append("\" y=\"")
                    .append(keyTop + 10).append("\">").append(esc(f.label)).append("</text>\n");
            kx += 28 + (int) (f.label.length() * 5.6) + 18;
        }
        o.append("</g>\n");
        int noteY = keyTop + 34;
        if (!r.hasMemory()) {
            o.append("<text x=\"12\" y=\"").append(noteY).append("\" fill=\"#444444\">")
                    .append("No memory figures: the trace holds no memory events and no process has counters.")
                    .append("</text>\n");
            noteY += 18;
        }
        if (all.size() > rows.size()) {
            o.append("<text x=\"12\" y=\"").append(noteY).append("\" fill=\"#444444\">")
                    .append(esc((all.size() - rows.size()) + " more processes are in the overview only."))
                    .append("</text>\n");
            noteY += 18;
        }
        if (!r.traceComplete()) {
            o.append("<text x=\"12\" y=\"").append(noteY).append("\" fill=\"#dd0000\">")
                    .append(esc("The trace buffer overflowed: memory events before " + r.ms(r.traceStart())
                            + " ms are missing (grey); fault counts end at the final counters "
                            + "(raise the machine's trace capacity)."))
                    .append("</text>\n");
        }
        o.append("</svg>\n");
    }

    private static String rowSummary(MemoryTrace.Series s) {
        MemoryUsage u = s.effectiveUsage();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "   peak %d pages; faults: %d zero fill, %d image, %d COW, %d major; %d page-ins, %d page-outs",
                s.peak(), s.total(MemoryTrace.Fault.ZERO_FILL), s.total(MemoryTrace.Fault.IMAGE),
                s.total(MemoryTrace.Fault.COW), s.total(MemoryTrace.Fault.MAJOR), Math.max(u.pageIns(), s.pageIns),
                Math.max(u.pageOuts(), s.pageOuts)));
        if (u.tlbAccesses() > 0) {
            b.append(String.format(Locale.ROOT, "; TLB hits %.2f%%", u.tlbHitRate()));
        }
        return b.toString();
    }

    private static long stop(MemoryTrace.Series s, long span) {
        return s.exit >= 0 ? Math.min(span, s.exit) : span;
    }

    /** Background, grid, y ticks, time ticks and the grey part the trace lost. */
    private static void frame(TextOut o, Frame f, RunReport r, long known, int timeTicks) {
        o.append("<rect x=\"").append(fmt(f.x())).append("\" y=\"").append(fmt(f.y())).append("\" width=\"")
                .append(fmt(f.w())).append("\" height=\"").append(fmt(f.h()))
                .append("\" fill=\"#fafafa\" stroke=\"#bbbbbb\"/>\n");
        if (known > 0) {
            o.append("<rect class=\"lost\" x=\"").append(fmt(f.x())).append("\" y=\"").append(fmt(f.y()))
                    .append("\" width=\"").append(fmt(f.px(known) - f.x())).append("\" height=\"").append(fmt(f.h()))
                    .append("\" fill=\"#dddddd\"><title>").append(esc("not in the trace buffer any more"))
                    .append("</title></rect>\n");
        }
        long step = niceStep(f.yMax(), 4);
        for (long v = 0; v <= f.yMax(); v += step) {
            String y = fmt(f.py(v));
            if (v > 0) {
                o.append("<line x1=\"").append(fmt(f.x())).append("\" y1=\"").append(y).append("\" x2=\"")
                        .append(fmt(f.x() + f.w())).append("\" y2=\"").append(y)
                        .append("\" stroke=\"#e4e4e4\"/>\n");
            }
            o.append("<text x=\"").append(fmt(f.x() - 5)).append("\" y=\"").append(fmt(f.py(v) + 4))
                    .append("\" font-size=\"10\" text-anchor=\"end\">").append(v).append("</text>\n");
        }
        double spanMs = f.span() * 1000.0 / r.frequencyHz();
        BigDecimal tick = ReportSvg.step(spanMs * 10.0 / timeTicks);
        double bottom = f.y() + f.h();
        for (BigDecimal ms = BigDecimal.ZERO; ms.doubleValue() <= spanMs + 1e-9; ms = ms.add(tick)) {
            double x = f.x() + f.w() * (ms.doubleValue() / spanMs);
            o.append("<line x1=\"").append(fmt(x)).append("\" y1=\"").append(fmt(bottom)).append("\" x2=\"")
                    .append(fmt(x)).append("\" y2=\"").append(fmt(bottom + 4)).append("\" stroke=\"#000000\"/>\n");
            o.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(fmt(bottom + 15))
                    .append("\" font-size=\"10\" text-anchor=\"middle\">").append(ms.stripTrailingZeros().toPlainString())
                    .append("</text>\n");
        }
    }

    private static void unit(TextOut o, Frame f) {
        o.append("<text x=\"").append(fmt(f.x() + f.w() + 11)).append("\" y=\"").append(fmt(f.y() + f.h() + 15))
                .append("\" font-size=\"10\" fill=\"#444444\">ms</text>\n");
    }

    private static void axisLabel(TextOut o, Frame f) {
        o.append("<text x=\"").append(fmt(f.x() + f.w())).append("\" y=\"").append(fmt(f.y() + f.h() + 29))
                .append("\" font-size=\"11\" text-anchor=\"end\">simulated time (ms)</text>\n");
    }

    /**
     * A step line through the points (each value holds until the next point),
     * continued to {@code stop}. Points falling in the same half-pixel column
     * are reduced to the first, the lowest, the highest and the last, so a
     * long run draws the same picture with a bounded number of points.
     */
    static void steps(TextOut o, Frame f, List<MemoryTrace.Point> points, long stop, String cls, int pid,
            String kind, String colour, double width, String dash, String title) {
        if (points.isEmpty()) {
            return;
        }
        List<double[]> raw = new ArrayList<>();
        double prevY = Double.NaN;
        for (MemoryTrace.Point p : points) {
            double x = f.px(p.at());
            double y = f.py(p.value());
            if (!Double.isNaN(prevY) && prevY != y) {
                raw.add(new double[] {x, prevY});
            }
            raw.add(new double[] {x, y});
            prevY = y;
        }
        MemoryTrace.Point end = points.get(points.size() - 1);
        if (stop > end.at()) {
            raw.add(new double[] {f.px(stop), prevY});
        }
        StringBuilder d = new StringBuilder();
        String last = null;
        int i = 0;
        while (i < raw.size()) {
            long column = (long) Math.floor(raw.get(i)[0] * 2);
            int j = i;
            int lo = i;
            int hi = i;
            while (j + 1 < raw.size() && (long) Math.floor(raw.get(j + 1)[0] * 2) == column) {
                j++;
                if (raw.get(j)[1] < raw.get(lo)[1]) {
                    lo = j;
                }
                if (raw.get(j)[1] > raw.get(hi)[1]) {
                    hi = j;
                }
            }
            last = add(d, raw.get(i), last);
            last = add(d, raw.get(Math.min(lo, hi)), last);
            last = add(d, raw.get(Math.max(lo, hi)), last);
            last = add(d, raw.get(j), last);
            i = j + 1;
        }
        o.append("<polyline class=\"").append(cls).append("\" data-pid=\"").append(pid).append('"');
        if (kind != null) {
            o.append(" data-kind=\"").append(kind).append('"');
        }
        o.append(" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(fmt(width))
                .append("\" stroke-linejoin=\"round\"");
        if (dash != null) {
            o.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        o.append(" points=\"").append(d).append("\"><title>").append(esc(title)).append("</title></polyline>\n");
    }

    private static String add(StringBuilder d, double[] xy, String last) {
        return add(d, fmt(xy[0]) + "," + fmt(xy[1]), last);
    }

    private static String add(StringBuilder d, String point, String last) {
        if (!point.equals(last)) {
            if (d.length() > 0) {
                d.append(' ');
            }
            d.append(point);
        }
        return point;
    }

    private static long maxOf(List<MemoryTrace.Point> points) {
        long max = 0;
        for (MemoryTrace.Point p : points) {
            max = Math.max(max, p.value());
        }
        return max;
    }

    /** A step of 1, 2 or 5 times a power of ten giving at most about {@code ticks} ticks up to max. */
    static long niceStep(long max, int ticks) {
        long raw = Math.max(1, (max + ticks - 1) / ticks);
        long pow = 1;
        while (pow * 10 <= raw) {
            pow *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * pow >= raw) {
                return m * pow;
            }
        }
        return 10 * pow;
    }

    /** The top of a value axis: max rounded up to a tick (at least 4, so small counts get a readable scale). */
    static long niceMax(long max) {
        long m = Math.max(4, max);
        long step = niceStep(m, 4);
        return (m + step - 1) / step * step;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String esc(String s) {
        return ReportSvg.esc(s);
    }
}
