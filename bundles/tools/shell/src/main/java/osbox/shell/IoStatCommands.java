package osbox.shell;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import osbox.api.io.BlockLayer;

/**
 * Gogo command {@code io:stat}, iostat-like: a row per disk of the block
 * layer with its reads and writes per second, kilobytes read and written
 * per second (rates over the device's active span: its first request to
 * its last completion), the average queue size, the average and 99th
 * percentile latency (arrival to completion, simulated ms), the share of
 * the span the device was busy and its I/O scheduler. Reads the block
 * layer's counters, which any thread may read (a snapshot).
 */
@Component(service = Object.class, property = {"osgi.command.scope=io", "osgi.command.function=stat"})
public final class IoStatCommands {
    private volatile BlockLayer blockLayer;

    /** A component without a block layer until one arrives. */
    public IoStatCommands() {
    }

    /** The block layer arrives (the kernel's block bundle started). */
    @Reference(name = "blockLayer", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setBlockLayer(BlockLayer layer) {
        blockLayer = layer;
    }

    /** The block layer leaves. */
    void unsetBlockLayer(BlockLayer layer) {
        if (blockLayer == layer) {
            blockLayer = null;
        }
    }

    /** Prints a row per disk. */
    @Descriptor("per disk, as iostat -x: DEVICE r/s w/s rkB/s wkB/s aqu-sz await(ms) p99(ms) %util SCHEDULER,"
            + " rates over the device's active span (its first request to its last completion)")
    public void stat(CommandSession session) {
        session.getConsole().print(statText());
    }

    /** {@code io:stat} with arguments: prints its usage line. */
    @Descriptor("(io:stat takes no arguments)")
    public void stat(CommandSession session, Object first, Object... more) {
        Usage.print(session, "io:stat");
    }

    /** The {@code io:stat} text. */
    String statText() {
        BlockLayer layer = blockLayer;
        if (layer == null) {
            return "io:stat: no block layer (the kernel's block bundle is not running)\n";
        }
        List<String> devices = layer.devices();
        if (devices.isEmpty()) {
            return "io:stat: no disks (attach one with --disk FILE)\n";
        }
        Table t = new Table("DEVICE", ">r/s", ">w/s", ">rkB/s", ">wkB/s", ">aqu-sz", ">await(ms)", ">p99(ms)",
                ">%util", "SCHEDULER");
        for (int device = 0; device < devices.size(); device++) {
            Map<String, Long> c = layer.counters(device);
            double seconds = value(c, "span_us") / 1e6;
            t.row(devices.get(device), rate(value(c, "reads"), seconds), rate(value(c, "writes"), seconds),
                    rate(value(c, "read_sectors") / 2.0, seconds), rate(value(c, "write_sectors") / 2.0, seconds),
                    decimals(value(c, "queue_depth_avg_milli") / 1000.0, 2),
                    decimals(value(c, "latency_us_avg") / 1000.0, 3), decimals(value(c, "latency_us_p99") / 1000.0, 3),
                    decimals(seconds == 0 ? 0 : Math.min(100.0, value(c, "busy_us") / 1e4 / seconds), 1),
                    layer.scheduler(device));
        }
        return t.render();
    }

    // A counter, 0 when the block layer does not give it.
    private static long value(Map<String, Long> counters, String name) {
        return counters.getOrDefault(name, 0L);
    }

    // amount / seconds with two decimals (0 over no time).
    private static String rate(double amount, double seconds) {
        return decimals(seconds <= 0 ? 0 : amount / seconds, 2);
    }

    private static String decimals(double v, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
