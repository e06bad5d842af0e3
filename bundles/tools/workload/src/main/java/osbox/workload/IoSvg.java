package osbox.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The disk chart as SVG, the classic elevator picture from a real run: a
 * panel per device with the head's position (the sector it reached, over
 * simulated time: to a request's first sector when it is dispatched, to its
 * end when it completes) and below it the depth of the device's queue (the
 * requests queued and not yet dispatched). Drawn from the run's
 * BLOCK_ISSUE/DISPATCH/COMPLETE trace events. The head line is a
 * {@code polyline} with {@code class="head"}, the depth line one with
 * {@code class="queue"}; both carry {@code data-device} (the device's name).
 */
final class IoSvg {
    static final int WIDTH = 1000;
    static final int LEFT = 80;
    static final int RIGHT = 20;
    static final int TOP = 60;
    static final int HEAD_HEIGHT = 220;
    static final int QUEUE_HEIGHT = 80;
    static final int PANEL_HEIGHT = HEAD_HEIGHT + QUEUE_HEIGHT + 80;

    /** One device's lines: the head's (time, sector) points and the queue's (time, depth) steps. */
    record Device(int number, String name, List<long[]> head, List<long[]> queue) {
        long maxSector() {
            return head.stream().mapToLong(p -> p[1]).max().orElse(0);
        }

        long maxDepth() {
            return queue.stream().mapToLong(p -> p[1]).max().orElse(0);
        }
    }

    private IoSvg() {
    }

    /** The devices of the run's block events, by device number. */
    static List<Device> devices(RunReport r) {
        TreeMap<Integer, Device> byNumber = new TreeMap<>();
        for (RunReport.BlockMark b : r.blocks()) {
            Device d = byNumber.computeIfAbsent(b.device(),
                    n -> new Device(n, b.deviceName(), new ArrayList<>(), new ArrayList<>()));
            long depth = d.queue().isEmpty() ? 0 : d.queue().get(d.queue().size() - 1)[1];
            switch (b.kind()) {
                case BLOCK_ISSUE -> d.queue().add(new long[] {b.at(), depth + 1});
                case BLOCK_DISPATCH -> {
                    d.queue().add(new long[] {b.at(), Math.max(0, depth - 1)});
                    if (!b.request().startsWith("F")) {
                        d.head().add(new long[] {b.at(), b.sector()});
                    }
                }
                case BLOCK_COMPLETE -> {
                    if (!b.request().startsWith("F")) {
                        d.head().add(new long[] {b.at(), b.sector() + b.count()});
                    }
                }
                default -> {
                }
            }
        }
        return new ArrayList<>(byNumber.values());
    }

    /** Draws the chart on {@code o}, element by element. */
    static void svg(RunReport r, TextOut o) {
        List<Device> devices = devices(r);
        long span = Math.max(1, Math.max(r.elapsed(), r.blocks().isEmpty() ? 0
                : r.blocks().get(r.blocks().size() - 1).at()));
        int height = devices.isEmpty() ? TOP + 40 : TOP + devices.size() * PANEL_HEIGHT;
        ReportSvg.begin(o, WIDTH, height);
        o.append("<text x=\"12\" y=\"22\" font-size=\"16\" font-weight=\"bold\">")
                .append(ReportSvg.esc("Disks: workload " + r.workload() + ", " + r.ms(span) + " ms"))
                .append("</text>\n");
        if (devices.isEmpty()) {
            o.append("<text x=\"12\" y=\"").append(TOP + 20).append("\" fill=\"#444444\">no block requests in this"
                    + " run (attach a disk with --disk FILE)</text>\n");
        }
        for (int i = 0; i < devices.size(); i++) {
            Device d = devices.get(i);
            int y0 = TOP + i * PANEL_HEIGHT;
            String scheduler = schedulerOf(r, d.name());
            o.append("<text x=\"12\" y=\"").append(y0 + 4).append("\" font-weight=\"bold\">")
                    .append(ReportSvg.esc(d.name() + (scheduler == null ? "" : " (" + scheduler + ")")
                            + ": head position (sector)"))
                    .append("</text>\n");
            MemorySvg.Frame head = new MemorySvg.Frame(LEFT, y0 + 14, WIDTH - LEFT - RIGHT, HEAD_HEIGHT, span,
                    MemorySvg.niceMax(d.maxSector()));
            box(o, head);
            line(o, head, d.head(), "head", d.name(), "#1f77b4", false);
            int q0 = y0 + 14 + HEAD_HEIGHT + 36;
            o.append("<text x=\"12\" y=\"").append(q0 - 8).append("\" font-weight=\"bold\">")
                    .append(ReportSvg.esc(d.name() + ": requests queued")).append("</text>\n");
            MemorySvg.Frame queue = new MemorySvg.Frame(LEFT, q0, WIDTH - LEFT - RIGHT, QUEUE_HEIGHT, span,
                    MemorySvg.niceMax(Math.max(1, d.maxDepth())));
            box(o, queue);
            line(o, queue, d.queue(), "queue", d.name(), "#d62728", true);
        }
        o.append("</svg>\n");
    }

    // The device's scheduler from the report's disk section, or null.
    private static String schedulerOf(RunReport r, String name) {
        return r.disk().devices().stream().filter(v -> v.name().equals(name)).map(DiskReport.Device::scheduler)
                .findFirst().orElse(null);
    }

    // A frame's box, its y range (0 and the top value) and its time axis's ends.
    private static void box(TextOut o, MemorySvg.Frame f) {
        o.append(String.format(Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999999\"/>\n",
                f.x(), f.y(), f.w(), f.h()));
        o.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\">%d"
                + "</text>\n<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" font-size=\"10\">0</text>\n",
                f.x() - 4, f.y() + 10, f.yMax(), f.x() - 4, f.y() + f.h()));
    }

    // The points as a polyline (steps: hold each value until the next point).
    private static void line(TextOut o, MemorySvg.Frame f, List<long[]> points, String cls, String device,
            String colour, boolean steps) {
        o.append("<polyline class=\"").append(cls).append("\" data-device=\"").append(ReportSvg.esc(device))
                .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.2\" points=\"");
        double lastY = f.py(0);
        boolean first = true;
        for (long[] p : points) {
            double x = f.px(p[0]);
            double y = f.py(p[1]);
            if (steps && !first) {
                o.append(String.format(Locale.ROOT, " %.1f,%.1f", x, lastY));
            }
            o.append(String.format(Locale.ROOT, first ? "%.1f,%.1f" : " %.1f,%.1f", x, y));
            lastY = y;
            first = false;
        }
        o.append("\"/>\n");
    }
}
