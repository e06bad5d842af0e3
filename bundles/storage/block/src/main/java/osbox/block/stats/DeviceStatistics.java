package osbox.block.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import osbox.api.io.IoOperation;
import osbox.block.Request;
import osbox.block.RequestEvents;

/**
 * One device's statistics, kept from its request queue's events (a
 * {@link RequestEvents} listener): requests and sectors by direction,
 * merges, errors, IOPS and throughput, the queue's depth (time-weighted
 * average and maximum), the head's seek distance, the latency of each
 * request from its arrival to its completion in a histogram
 * (HdrHistogram, three significant digits) and a bounded timeline of the
 * head's position and the queue depth ({@link #timeline()}).
 *
 * <p>The events come on the simulation thread; {@link #counters()} and
 * {@link #timeline()} may be called from any thread (each method holds the
 * object's lock, which the simulation thread alone takes otherwise).
 * docs/io-schedulers.md ("Reading the statistics") explains each counter.
 */
public final class DeviceStatistics implements RequestEvents {
    /** The counters' names, in the order {@link #counters()} gives them. */
    public static final List<String> NAMES = List.of("reads", "writes", "flushes", "read_sectors", "write_sectors",
            "merges", "errors", "span_us", "busy_us", "iops", "iops_busy", "throughput_kib_s",
            "throughput_busy_kib_s", "queue_depth_avg_milli", "queue_depth_max", "seek_sectors", "seek_avg_sectors",
            "latency_us_avg", "latency_us_p50", "latency_us_p90", "latency_us_p99", "latency_us_p999",
            "latency_us_max");

    /** A sector's bytes (Linux's 512-byte sector, whatever the device's own). */
    public static final int SECTOR_BYTES = 512;

    private final String name;
    private final long clockHz;
    private final Histogram latencyNanos = new Histogram(3);
    private final Timeline timeline;

    private long reads;
    private long writes;
    private long flushes;
    private long readSectors;
    private long writeSectors;
    private long merges;
    private long errors;
    private long seekSectors;
    private long dispatches;
    /** Cycle of the first event, or -1 before it. */
    private long first = -1;
    /** Cycle of the last completion. */
    private long lastCompletion = -1;
    /** The depth the last event left, and since when. */
    private int depth;
    private long depthSince = -1;
    private int depthMax;
    /** The sum of depth x cycles, from the first event to {@link #depthSince}. */
    private double depthArea;
    /** Requests dispatched and not yet completed, since when some are, and the busy cycles before that. */
    private int inFlight;
    private long busySince;
    private long busyCycles;

    /**
     * Statistics of device {@code name} on a machine whose clock runs at
     * {@code clockHz} (cycles become microseconds with it), with a timeline
     * of at most {@link Timeline#DEFAULT_CAPACITY} points.
     */
    public DeviceStatistics(String name, long clockHz) {
        this(name, clockHz, Timeline.DEFAULT_CAPACITY);
    }

    /** The same with a timeline of at most {@code timelineCapacity} points (at least 2). */
    public DeviceStatistics(String name, long clockHz, int timelineCapacity) {
        if (clockHz <= 0) {
            throw new IllegalArgumentException("clockHz must be positive: " + clockHz);
        }
        this.name = name;
        this.clockHz = clockHz;
        this.timeline = new Timeline(timelineCapacity);
    }

    /** The device's name (vda, ...). */
    public String name() {
        return name;
    }

    @Override
    public synchronized void queued(Request request, long now, int depth) {
        depthChanged(now, depth);
    }

    @Override
    public synchronized void merged(Request merged, long now, int depth) {
        merges++;
        depthChanged(now, depth);
    }

    @Override
    public synchronized void dispatched(Request request, long now, long headFrom, int depth) {
        depthChanged(now, depth);
        if (request.operation() != IoOperation.FLUSH) {
            seekSectors += Math.abs(request.sector() - headFrom);
            dispatches++;
            timeline.add(now, headFrom, depth);
            timeline.add(now, request.sector(), depth);
        }
        if (inFlight++ == 0) {
            busySince = now;
        }
    }

    @Override
    public synchronized void completed(Request request, int errno, long now, int depth) {
        depthChanged(now, depth);
        switch (request.operation()) {
            case READ -> {
                reads++;
                readSectors += request.count();
            }
            case WRITE -> {
                writes++;
                writeSectors += request.count();
            }
            case FLUSH -> flushes++;
        }
        if (errno != 0) {
            errors++;
        }
        latencyNanos.recordValue(nanos(Math.max(0, now - request.arrival())));
        lastCompletion = now;
        if (inFlight > 0 && --inFlight == 0) {
            busyCycles += now - busySince;
        }
    }

    // The queue's depth is now `depth`: the time-weighted sum takes the old depth's time.
    private void depthChanged(long now, int newDepth) {
        if (first < 0) {
            first = now;
        } else {
            depthArea += (double) this.depth * Math.max(0, now - depthSince);
        }
        this.depth = newDepth;
        depthSince = now;
        depthMax = Math.max(depthMax, newDepth);
    }

    /**
     * The counters by name, in the order of {@link #NAMES}: times in
     * microseconds of simulated time; rates over the span (first event to
     * last completion) and over the busy time (some request at the device);
     * the average queue depth in thousandths; latencies from a request's
     * arrival to its completion.
     */
    public synchronized Map<String, Long> counters() {
        long span = lastCompletion > first && first >= 0 ? lastCompletion - first : 0;
        long busy = busyCycles + (inFlight > 0 && lastCompletion > busySince ? lastCompletion - busySince : 0);
        long completed = reads + writes + flushes;
        long kib = (readSectors + writeSectors) * SECTOR_BYTES / 1024;
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("reads", reads);
        c.put("writes", writes);
        c.put("flushes", flushes);
        c.put("read_sectors", readSectors);
        c.put("write_sectors", writeSectors);
        c.put("merges", merges);
        c.put("errors", errors);
        c.put("span_us", nanos(span) / 1000);
        c.put("busy_us", nanos(busy) / 1000);
        c.put("iops", perSecond(completed, span));
        c.put("iops_busy", perSecond(completed, busy));
        c.put("throughput_kib_s", perSecond(kib, span));
        c.put("throughput_busy_kib_s", perSecond(kib, busy));
        c.put("queue_depth_avg_milli", depthSince > first ? Math.round(depthArea * 1000 / (depthSince - first)) : 0);
        c.put("queue_depth_max", (long) depthMax);
        c.put("seek_sectors", seekSectors);
        c.put("seek_avg_sectors", dispatches == 0 ? 0 : seekSectors / dispatches);
        boolean none = latencyNanos.getTotalCount() == 0;
        c.put("latency_us_avg", none ? 0 : Math.round(latencyNanos.getMean() / 1000));
        c.put("latency_us_p50", micros(50));
        c.put("latency_us_p90", micros(90));
        c.put("latency_us_p99", micros(99));
        c.put("latency_us_p999", micros(99.9));
        c.put("latency_us_max", none ? 0 : latencyNanos.getMaxValue() / 1000);
        return c;
    }

    /** A copy of the head-position and queue-depth timeline (cycles, as the events gave them). */
    public synchronized List<Timeline.Point> timeline() {
        return timeline.points();
    }

    // The latency at this percentile, in whole microseconds (0 when nothing completed).
    private long micros(double percentile) {
        return latencyNanos.getTotalCount() == 0 ? 0 : latencyNanos.getValueAtPercentile(percentile) / 1000;
    }

    // count per second over `cycles` of simulated time (0 over none).
    private long perSecond(long count, long cycles) {
        return cycles <= 0 ? 0 : Math.round((double) count * clockHz / cycles);
    }

    // Cycles as nanoseconds of simulated time, without overflow for any run shorter than centuries.
    private long nanos(long cycles) {
        return cycles / clockHz * 1_000_000_000L + (cycles % clockHz) * 1_000_000_000L / clockHz;
    }
}
