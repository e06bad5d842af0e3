package osbox.testkit.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The disk lab's answers on the textbook disk of cylinders ({@link CylinderModel}): table, JSON and picture. */
final class CylinderFormat {
    private CylinderFormat() {
    }

    /**
     * For each run: a heading line, one line per request in the order served
     * (its cylinder, the head's movement to it, the edges passed on the way)
     * and the total movement.
     */
    static String table(DiskArgs a, List<CylinderModel.Run> runs) {
        StringBuilder b = new StringBuilder();
        for (CylinderModel.Run r : runs) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append(String.format(Locale.ROOT, "policy %s, %d cylinders, head at %d%n", r.policy(), a.cylinders,
                    a.head));
            for (CylinderModel.Served s : r.served()) {
                b.append(String.format(Locale.ROOT, "Cylinder: %4d  Move: %4d%s%n", s.cylinder(), s.move(),
                        via(s.via())));
            }
            b.append(String.format(Locale.ROOT, "TOTAL head movement: %d cylinders%n", r.movement()));
        }
        return b.toString();
    }

    /** "  (via 199, 0)" for the edges passed, or "" when none. */
    private static String via(long[] edges) {
        if (edges.length == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder("  (via ");
        for (int i = 0; i < edges.length; i++) {
            b.append(i == 0 ? "" : ", ").append(edges[i]);
        }
        return b.append(')').toString();
    }

    /**
     * One run: {"requests":[{"cylinder":C,"move":M},...],"movement":T};
     * several: {"policies":[{"policy":P,"requests":[...],"movement":T},...]};
     * then a newline.
     */
    static String json(List<CylinderModel.Run> runs) {
        if (runs.size() == 1) {
            return "{" + body(runs.get(0)) + "}\n";
        }
        StringBuilder b = new StringBuilder("{\"policies\":[");
        for (int i = 0; i < runs.size(); i++) {
            b.append(i == 0 ? "" : ",").append("{\"policy\":").append(quote(runs.get(i).policy())).append(',')
                    .append(body(runs.get(i))).append('}');
        }
        return b.append("]}\n").toString();
    }

    /** "requests":[...],"movement":T */
    private static String body(CylinderModel.Run r) {
        StringBuilder b = new StringBuilder("\"requests\":[");
        for (int i = 0; i < r.served().size(); i++) {
            CylinderModel.Served s = r.served().get(i);
            b.append(i == 0 ? "" : ",").append("{\"cylinder\":").append(s.cylinder()).append(",\"move\":")
                    .append(s.move()).append('}');
        }
        return b.append("],\"movement\":").append(r.movement()).toString();
    }

    /** The head's cylinder against time (one unit per cylinder moved), one line per run. */
    static String svg(List<CylinderModel.Run> runs, long cylinders) {
        List<DiskSvg.Trace> traces = new ArrayList<>();
        for (CylinderModel.Run r : runs) {
            traces.add(new DiskSvg.Trace(r.policy() + " (" + r.movement() + " cylinders)", r.path()));
        }
        long last = cylinders - 1;
        List<Long> ticks = last >= 2 ? List.of(0L, last / 2, last) : last == 1 ? List.of(0L, 1L) : List.of(0L);
        return DiskSvg.draw(traces, new DiskSvg.Axis("cyl", last, ticks));
    }

    /** text as a JSON string (policy labels: names, options and their values). */
    static String quote(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
