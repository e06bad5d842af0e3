package osbox.block.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.block.Request;

/** DeviceStatistics over synthetic request events, on a 1 MHz clock (a cycle is a microsecond). */
class DeviceStatisticsTest {
    private static final long MHZ = 1_000_000;

    /** A request of {@code count} sectors at {@code sector}, arrived at cycle {@code arrival}. */
    static Request request(long id, IoOperation op, long sector, int count, long arrival) {
        int bytes = op == IoOperation.FLUSH ? 0 : count * 512;
        BlockIo io = new BlockIo(0, op, sector, op == IoOperation.FLUSH ? 0 : count,
                bytes == 0 ? new long[0] : new long[] {0x8000_0000L}, bytes == 0 ? new int[0] : new int[] {bytes},
                0, 7, 7, 0, (i, e) -> { });
        return new Request(id, io, arrival);
    }

    @Test
    void countsRatesDepthSeekAndLatencyOfAHandComputedRun() {
        DeviceStatistics s = new DeviceStatistics("vda", MHZ);
        Request a = request(1, IoOperation.READ, 1000, 8, 0);
        Request b = request(2, IoOperation.WRITE, 5000, 16, 0);
        s.queued(a, 0, 1);
        s.queued(b, 0, 2);
        s.merged(b, 100, 2);
        s.dispatched(a, 200, 0, 1);       // head 0 -> 1000; depth 2 for 200 us
        s.completed(a, 0, 1200, 1);       // latency 1200 us
        s.dispatched(b, 1200, 1008, 0);   // head 1008 -> 5000; depth 1 for 1000 us
        s.completed(b, 5, 2000, 0);       // latency 2000 us, an error

        Map<String, Long> c = s.counters();
        assertEquals(DeviceStatistics.NAMES, List.copyOf(c.keySet()));
        assertEquals(1, c.get("reads"));
        assertEquals(1, c.get("writes"));
        assertEquals(8, c.get("read_sectors"));
        assertEquals(16, c.get("write_sectors"));
        assertEquals(1, c.get("merges"));
        assertEquals(1, c.get("errors"));
        assertEquals(2000, c.get("span_us"));
        assertEquals(1800, c.get("busy_us"));            // 200..2000
        assertEquals(1000, c.get("iops"));               // 2 in 2 ms
        assertEquals(1111, c.get("iops_busy"));          // 2 in 1.8 ms
        assertEquals(6000, c.get("throughput_kib_s"));   // 12 KiB in 2 ms
        // depth 1 (0..0), 2 (0..200), 1 (200..1200), 0 after: (2*200 + 1*1000) / 2000
        assertEquals(700, c.get("queue_depth_avg_milli"));
        assertEquals(2, c.get("queue_depth_max"));
        assertEquals(1000 + 3992, c.get("seek_sectors"));
        assertEquals(2496, c.get("seek_avg_sectors"));
        assertEquals(1600, c.get("latency_us_avg"), 2);
        assertEquals(1200, c.get("latency_us_p50"), 2);
        assertEquals(2000, c.get("latency_us_p99"), 2);
        assertEquals(2000, c.get("latency_us_max"), 2);
    }

    @Test
    void percentilesComeFromTheHistogram() {
        DeviceStatistics s = new DeviceStatistics("vdb", MHZ);
        for (int i = 1; i <= 1000; i++) {
            Request r = request(i, IoOperation.READ, i * 8L, 8, 10_000L * i);
            s.queued(r, 10_000L * i, 1);
            s.dispatched(r, 10_000L * i, 0, 0);
            s.completed(r, 0, 10_000L * i + i, 0);   // the i-th takes i us
        }
        Map<String, Long> c = s.counters();
        assertEquals(500, c.get("latency_us_p50"), 1);
        assertEquals(900, c.get("latency_us_p90"), 1);
        assertEquals(990, c.get("latency_us_p99"), 1);
        assertEquals(999, c.get("latency_us_p999"), 1);
        assertEquals(1000, c.get("latency_us_max"), 1);
        assertEquals(1000, c.get("reads"));
    }

    @Test
    void anIdleDeviceHasZeroes() {
        Map<String, Long> c = new DeviceStatistics("vdc", MHZ).counters();
        assertEquals(DeviceStatistics.NAMES.size(), c.size());
        assertTrue(c.values().stream().allMatch(v -> v == 0), c.toString());
    }

    @Test
    void flushesCountButDoNotMoveTheHead() {
        DeviceStatistics s = new DeviceStatistics("vda", MHZ);
        Request f = request(1, IoOperation.FLUSH, 0, 0, 0);
        s.queued(f, 0, 1);
        s.dispatched(f, 0, 4096, 0);
        s.completed(f, 0, 50, 0);
        assertEquals(1, s.counters().get("flushes"));
        assertEquals(0, s.counters().get("seek_sectors"));
        assertTrue(s.timeline().isEmpty());
    }

    @Test
    void theTimelineRecordsEachMoveOfTheHead() {
        DeviceStatistics s = new DeviceStatistics("vda", MHZ);
        Request r = request(1, IoOperation.READ, 900, 8, 0);
        s.queued(r, 0, 1);
        s.dispatched(r, 10, 100, 3);
        assertEquals(List.of(new Timeline.Point(10, 100, 3), new Timeline.Point(10, 900, 3)), s.timeline());
    }
}
