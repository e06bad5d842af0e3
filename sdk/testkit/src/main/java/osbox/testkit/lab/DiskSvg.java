package osbox.testkit.lab;

import java.util.List;
import java.util.Locale;

/**
 * The elevator picture: the head's track (outer at the top) against time,
 * one polyline per policy, with a legend. Plain SVG, no scripts.
 */
final class DiskSvg {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
    private static final int WIDTH = 800;
    private static final int HEIGHT = 300;
    private static final int MARGIN = 50;

    private DiskSvg() {
    }

    /** The SVG document for runs (at least one). */
    static String draw(List<DiskModel.Run> runs) {
        long end = 1;
        for (DiskModel.Run r : runs) {
            end = Math.max(end, r.total());
        }
        double xScale = (WIDTH - 2.0 * MARGIN) / end;
        double yScale = (HEIGHT - 2.0 * MARGIN) / (DiskModel.TRACKS - 1);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        b.append("<title>disk head position over time</title>\n");
        for (int t = 0; t < DiskModel.TRACKS; t++) {
            double y = MARGIN + t * yScale;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"5\" y=\"%.1f\">track %d</text>%n", MARGIN, y, WIDTH - MARGIN, y, y + 4, t));
        }
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">time 0</text><text x=\"%d\" y=\"%d\""
                + " text-anchor=\"end\">%d</text>%n", MARGIN, HEIGHT - 20, WIDTH - MARGIN, HEIGHT - 20, end));
        for (int i = 0; i < runs.size(); i++) {
            DiskModel.Run r = runs.get(i);
            String colour = COLOURS[i % COLOURS.length];
            b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"");
            for (DiskModel.HeadPoint p : r.path()) {
                b.append(String.format(Locale.ROOT, "%.1f,%.1f ", MARGIN + p.time() * xScale,
                        MARGIN + p.track() * yScale));
            }
            b.append("\"/>\n");
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s (total %d)</text>%n",
                    MARGIN + 150 * i, 20, colour, r.policy(), r.total()));
        }
        return b.append("</svg>\n").toString();
    }
}
