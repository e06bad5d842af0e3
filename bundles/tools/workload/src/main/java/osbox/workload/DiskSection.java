package osbox.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run report's disk section: a row per device (text) or object (JSON)
 * from {@link DiskReport}, and each process's I/O. Written only when the
 * run had disks, so reports of runs without them do not change.
 */
final class DiskSection {
    /** The latency percentiles the section shows, as JSON keys, and the block layer's counter for each. */
    private static final String[][] LATENCIES = {{"avg", "latency_us_avg"}, {"p50", "latency_us_p50"},
        {"p90", "latency_us_p90"}, {"p99", "latency_us_p99"}, {"p99.9", "latency_us_p999"},
        {"max", "latency_us_max"}};

    private DiskSection() {
    }

    /** Writes the "disk" array (after the caller's key), each device's figures and all its counters. */
    static void json(Json j, DiskReport d) {
        j.beginArray();
        for (DiskReport.Device v : d.devices()) {
            j.begin().field("device", v.name()).field("scheduler", v.scheduler()).field("reads", v.get("reads"))
                    .field("writes", v.get("writes")).field("flushes", v.get("flushes"))
                    .field("read_kib", v.get("read_sectors") / 2).field("write_kib", v.get("write_sectors") / 2)
                    .field("merges", v.get("merges")).field("errors", v.get("errors")).field("iops", v.get("iops"))
                    .field("throughput_kib_s", v.get("throughput_kib_s"))
                    .field("queue_depth_avg", v.get("queue_depth_avg_milli") / 1000.0)
                    .field("queue_depth_max", v.get("queue_depth_max")).field("seek_sectors", v.get("seek_sectors"))
                    .field("seek_avg", v.get("seek_avg_sectors"))
                    .field("util", utilisation(v));
            j.key("latency_us").begin();
            for (String[] l : LATENCIES) {
                j.field(l[0], v.get(l[1]));
            }
            j.end();
            j.field("cpu_io_cycles", v.get("driver_io_cycles")).field("cpu_free_cycles", v.get("driver_cpu_free_cycles"));
            counters(j.key("counters"), v.counters());
            j.end();
        }
        j.endArray();
    }

    /** Writes a counter map as an object (after the caller's key), in its order. */
    static void counters(Json j, Map<String, Long> counters) {
        j.begin();
        counters.forEach(j::field);
        j.end();
    }

    /** The text section: a row per device, then a line per process that did I/O; "" without disks. */
    static String text(RunReport r) {
        DiskReport d = r.disk();
        if (d.devices().isEmpty()) {
            return "";
        }
        String[] head = {"device", "scheduler", "reads", "writes", "kB read", "kB written", "merges", "iops",
            "kB/s", "queue avg", "queue max", "seek avg", "await us", "p50 us", "p99 us", "max us", "util"};
        List<String[]> rows = new ArrayList<>();
        for (DiskReport.Device v : d.devices()) {
            rows.add(new String[] {v.name(), v.scheduler(), n(v.get("reads")), n(v.get("writes")),
                n(v.get("read_sectors") / 2), n(v.get("write_sectors") / 2), n(v.get("merges")), n(v.get("iops")),
                n(v.get("throughput_kib_s")),
                String.format(Locale.ROOT, "%.2f", v.get("queue_depth_avg_milli") / 1000.0),
                n(v.get("queue_depth_max")), n(v.get("seek_avg_sectors")), n(v.get("latency_us_avg")),
                n(v.get("latency_us_p50")), n(v.get("latency_us_p99")), n(v.get("latency_us_max")),
                String.format(Locale.ROOT, "%.1f%%", 100 * utilisation(v))});
        }
        StringBuilder out = new StringBuilder("disks\n");
        boolean[] left = new boolean[head.length];
        left[0] = true;
        left[1] = true;
        ReportText.appendTable(out, head, rows, left);
        for (DiskReport.Device v : d.devices()) {
            if (v.counters().containsKey("driver_io_cycles")) {
                out.append(v.name()).append(": CPU cycles on I/O ").append(v.get("driver_io_cycles"))
                        .append(", CPU free while the device worked ").append(v.get("driver_cpu_free_cycles")).append('\n');
            }
        }
        for (Map.Entry<Integer, Map<String, Long>> p : d.processes().entrySet()) {
            out.append(r.labelOf(p.getKey())).append(" (pid ").append(p.getKey()).append(") I/O:");
            p.getValue().forEach((k, v) -> out.append(' ').append(k).append('=').append(v));
            out.append('\n');
        }
        return out.toString();
    }

    /** The share of its active span the device was busy, 0..1. */
    static double utilisation(DiskReport.Device v) {
        long span = v.get("span_us");
        return span <= 0 ? 0 : Math.min(1.0, (double) v.get("busy_us") / span);
    }

    private static String n(long v) {
        return Long.toString(v);
    }
}
