package osbox.testkit.lab;

import java.util.List;
import java.util.Locale;

/**
 * The elevator picture: the head's position (the outer track or cylinder 0
 * at the top) against time, one polyline per policy, with a legend naming
 * each and its total. Plain SVG, no scripts.
 */
final class DiskSvg {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 800;
    private static final int MARGIN = 50;
    /** Legend entries per row, and the height of a row. */
    private static final int LEGEND_COLUMNS = 2;
    private static final int LEGEND_WIDTH = 350;
    private static final int LEGEND_ROW = 16;

    /** One policy's line: its legend text and the head's path (time, position). */
    record Trace(String legend, List<DiskModel.HeadPoint> path) {
    }

    /** The vertical axis: positions 0 to max, labelled {@code name N} at each tick. */
    record Axis(String name, double max, List<Long> ticks) {
    }

    private DiskSvg() {
    }

    /** The SVG document for traces (at least one), ending at the latest point of any. */
    static String draw(List<Trace> traces, Axis axis) {
        long end = 1;
        for (Trace t : traces) {
            end = Math.max(end, t.path().get(t.path().size() - 1).time());
        }
        int legendRows = (traces.size() + LEGEND_COLUMNS - 1) / LEGEND_COLUMNS;
        int top = MARGIN + LEGEND_ROW * (legendRows - 1);
        int height = top + 250 + MARGIN;
        double xScale = (WIDTH - 2.0 * MARGIN) / end;
        double yScale = 250.0 / Math.max(1, axis.max());
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        b.append("<title>disk head position over time</title>\n");
        for (long tick : axis.ticks()) {
            double y = top + tick * yScale;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"2\" y=\"%.1f\" font-size=\"10\">%s %d</text>%n", MARGIN, y, WIDTH - MARGIN, y, y + 4,
                    axis.name(), tick));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">time 0</text><text x=\"%d\" y=\"%d\""
                + " text-anchor=\"end\">%d</text>%n", MARGIN, height - 20, WIDTH - MARGIN, height - 20, end));
        for (int i = 0; i < traces.size(); i++) {
            Trace t = traces.get(i);
            String colour = COLOURS[i % COLOURS.length];
            b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
            for (DiskModel.HeadPoint p : t.path()) {
                b.append(String.format(Locale.ROOT, "%.1f,%.1f ", MARGIN + p.time() * xScale,
                        top + p.track() * yScale));
            }
            b.append("\"/>\n");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    MARGIN + LEGEND_WIDTH * (i % LEGEND_COLUMNS), 16 + LEGEND_ROW * (i / LEGEND_COLUMNS), colour,
                    escape(t.legend())));
        }
        return b.append("</svg>\n").toString();
    }

    /** text with the XML specials escaped. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
