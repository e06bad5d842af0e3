package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;

/** The disk section of the report (text and JSON) and the disks' tracks in the Chrome trace. */
class DiskReportTest {
    private static final long US = 1_000L;

    /** vda's counters at the end of a run: 3 reads, 1 write. */
    static Map<String, Long> vdaCounters() {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("reads", 3L);
        c.put("writes", 1L);
        c.put("flushes", 0L);
        c.put("read_sectors", 24L);
        c.put("write_sectors", 8L);
        c.put("merges", 1L);
        c.put("errors", 0L);
        c.put("span_us", 4000L);
        c.put("busy_us", 3000L);
        c.put("iops", 1000L);
        c.put("throughput_kib_s", 4000L);
        c.put("queue_depth_avg_milli", 1250L);
        c.put("queue_depth_max", 3L);
        c.put("seek_sectors", 6000L);
        c.put("seek_avg_sectors", 1500L);
        c.put("latency_us_avg", 1800L);
        c.put("latency_us_p50", 1500L);
        c.put("latency_us_p90", 2900L);
        c.put("latency_us_p99", 3000L);
        c.put("latency_us_p999", 3000L);
        c.put("latency_us_max", 3001L);
        c.put("driver_io_cycles", 12_000L);
        c.put("driver_cpu_free_cycles", 3_000_000L);
        return c;
    }

    /** A block layer with vda (sstf) and pid 1's I/O. */
    record FakeBlockLayer() implements BlockLayer {
        @Override public List<String> devices() { return List.of("vda"); }
        @Override public int device(String name) { return name.equals("vda") ? 0 : -1; }
        @Override public long sectors(int device) { return 1 << 20; }
        @Override public boolean readOnly(int device) { return false; }
        @Override public int submit(BlockIo io) { throw new AssertionError("a report submits nothing"); }
        @Override public String scheduler(int device) { return "sstf"; }
        @Override public Map<String, Long> counters(int device) { return vdaCounters(); }
        @Override public Map<String, Long> processCounters(int pid) {
            return pid == 1 ? Map.of("read_bytes", 12_288L) : Map.of();
        }
    }

    // A block event of vda at `us` microseconds of the synthetic run (which starts at cycle 12 345).
    private static TraceEvent block(double us, TraceKind kind, long sector, String text) {
        return new TraceEvent(12_345 + Math.round(us * US), kind, -1, 1, sector, 8, "vda " + text);
    }

    /** The synthetic run of RunReportTest with two overlapping reads on vda and the disk statistics. */
    static RunReport withDisk() {
        RunReport r = RunReportTest.synthetic();
        List<RunReport.BlockMark> blocks = List.of(
                block(0, TraceKind.BLOCK_ISSUE, 2048, "R 2048+8"),
                block(0, TraceKind.BLOCK_ISSUE, 4096, "R 4096+8"),
                block(10, TraceKind.BLOCK_DISPATCH, 2048, "R 2048+8 by sstf, 1 queued"),
                block(20, TraceKind.BLOCK_DISPATCH, 4096, "R 4096+8 by sstf, 0 queued"),
                block(1010, TraceKind.BLOCK_COMPLETE, 2048, "R 2048+8 in 1010 us"),
                block(1500, TraceKind.BLOCK_COMPLETE, 4096, "R 4096+8 in 1500 us"))
                .stream().map(e -> RunReport.BlockMark.of(e, 12_345)).toList();
        RunReport bare = new RunReport(r.workload(), r.file(), r.policy(), r.finalPolicy(), r.frequencyHz(),
                r.harts(), r.startCycle(), r.elapsed(), r.busyCycles(), r.processes(), r.swaps(), r.ejections(),
                r.slices(), r.syscalls(), r.syscallsDropped(), r.traceComplete(), r.traceStart(), r.others(),
                r.memory(), r.deadlocks(), r.threads(), r.boosts(), blocks, DiskReport.NONE);
        return bare.withDisk(DiskReport.of(new FakeBlockLayer(), bare));
    }

    @Test
    void aRunWithoutDisksHasNoDiskSection() {
        RunReport r = RunReportTest.synthetic();
        assertFalse(r.hasDisks());
        assertFalse(r.table().contains("disks"));
        Map<?, ?> json = (Map<?, ?>) MiniJson.parse(r.json());
        assertFalse(json.containsKey("disk"));
        assertFalse(r.chromeTrace().contains("osbox disks"));
        assertEquals(DiskReport.NONE, DiskReport.of(null, r));
    }

    @Test
    void theJsonHasADiskEntryPerDeviceAndTheProcessesIo() {
        Map<?, ?> json = (Map<?, ?>) MiniJson.parse(withDisk().json());
        List<?> disks = (List<?>) json.get("disk");
        assertEquals(1, disks.size());
        Map<?, ?> vda = (Map<?, ?>) disks.get(0);
        assertEquals("vda", vda.get("device"));
        assertEquals("sstf", vda.get("scheduler"));
        assertEquals(3.0, vda.get("reads"));
        assertEquals(1.0, vda.get("writes"));
        assertEquals(1000.0, vda.get("iops"));
        assertEquals(4000.0, vda.get("throughput_kib_s"));
        assertEquals(1.25, vda.get("queue_depth_avg"));
        assertEquals(1500.0, vda.get("seek_avg"));
        assertEquals(0.75, vda.get("util"));
        Map<?, ?> latency = (Map<?, ?>) vda.get("latency_us");
        assertEquals(1500.0, latency.get("p50"));
        assertEquals(3000.0, latency.get("p99"));
        assertEquals(3001.0, latency.get("max"));
        assertEquals(12_000.0, vda.get("cpu_io_cycles"));
        assertEquals(3_000_000.0, vda.get("cpu_free_cycles"));
        assertEquals(23, ((Map<?, ?>) vda.get("counters")).size());
        List<?> processes = (List<?>) json.get("processes");
        assertEquals(Map.of("read_bytes", 12_288.0), ((Map<?, ?>) processes.get(0)).get("io"));
        assertNull(((Map<?, ?>) processes.get(1)).get("io"), "B did no I/O");
    }

    @Test
    void theTableHasARowPerDeviceAndALinePerProcessThatDidIo() {
        String table = withDisk().table();
        assertTrue(table.contains("\ndisks\n"
                + "device  scheduler  reads  writes  kB read  kB written  merges  iops  kB/s  queue avg  queue max"
                + "  seek avg  await us  p50 us  p99 us  max us   util\n"
                + "vda     sstf           3       1       12           4       1  1000  4000       1.25          3"
                + "      1500      1800    1500    3000    3001  75.0%\n"
                + "vda: CPU cycles on I/O 12000, CPU free while the device worked 3000000\n"
                + "A \"quoted\" <&> (pid 1) I/O: read_bytes=12288\n"), table);
    }

    @Test
    void theTraceHasATrackPerDeviceWithASlicePerRequestAndTheQueueDepth() {
        Map<?, ?> trace = (Map<?, ?>) MiniJson.parse(withDisk().chromeTrace());
        List<Map<?, ?>> disk = ((List<?>) trace.get("traceEvents")).stream().<Map<?, ?>>map(e -> (Map<?, ?>) e)
                .filter(e -> Double.valueOf(DiskTrace.DISKS_PID).equals(e.get("pid"))).toList();
        List<String> names = disk.stream().filter(e -> "thread_name".equals(e.get("name")))
                .map(e -> (String) ((Map<?, ?>) e.get("args")).get("name")).toList();
        assertEquals(List.of("vda", "vda (2)"), names, "the overlapping second read gets a second track");
        List<Map<?, ?>> slices = disk.stream().filter(e -> "X".equals(e.get("ph"))).toList();
        assertEquals(List.of("R 2048+8", "R 4096+8"), slices.stream().map(e -> e.get("name")).toList());
        assertEquals(10.0, slices.get(0).get("ts"));
        assertEquals(1000.0, slices.get(0).get("dur"));
        assertEquals(0.0, slices.get(0).get("tid"));
        assertEquals(1.0, slices.get(1).get("tid"));
        assertEquals(List.of("queued R 2048+8", "queued R 4096+8"), disk.stream()
                .filter(e -> "i".equals(e.get("ph"))).map(e -> e.get("name")).toList());
        assertEquals(List.of(1.0, 2.0, 1.0, 0.0), disk.stream().filter(e -> "C".equals(e.get("ph")))
                .map(e -> ((Map<?, ?>) e.get("args")).get("queued")).toList());
        // the existing tracks are all still there
        assertTrue(withDisk().chromeTrace().startsWith(RunReportTest.synthetic().chromeTrace().substring(0, 2000)));
    }

    @Test
    void theIoSvgIsWellFormedWithAHeadAndAQueueLinePerDevice() throws Exception {
        String svg = withDisk().ioSvg();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        NodeList lines = doc.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength(), svg);
        Element head = (Element) lines.item(0);
        assertEquals("head", head.getAttribute("class"));
        assertEquals("vda", head.getAttribute("data-device"));
        // dispatch 2048, dispatch 4096, complete at 2056, complete at 4104
        assertEquals(4, head.getAttribute("points").split(" ").length);
        Element queue = (Element) lines.item(1);
        assertEquals("queue", queue.getAttribute("class"));
        // 4 steps (two issues, two dispatches), each after the first drawn as a level then a rise
        assertEquals(7, queue.getAttribute("points").split(" ").length);
        assertTrue(svg.contains("vda (sstf): head position (sector)"), svg);
    }

    @Test
    void theIoSvgOfARunWithoutDisksSaysSo() throws Exception {
        String svg = RunReportTest.synthetic().ioSvg();
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(svg.contains("no block requests in this run"), svg);
        assertFalse(svg.contains("<polyline"));
    }
}
