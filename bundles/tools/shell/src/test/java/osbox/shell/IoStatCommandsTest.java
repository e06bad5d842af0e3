package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.io.BlockIo;
import osbox.api.io.BlockLayer;

/** io:stat: a row per disk from the block layer's counters, or why there is none. */
class IoStatCommandsTest {

    @Test
    void withoutABlockLayerItSaysSo() {
        assertEquals("io:stat: no block layer (the kernel's block bundle is not running)\n",
                new IoStatCommands().statText());
    }

    @Test
    void withoutDisksItSaysHowToAttachOne() {
        IoStatCommands cmd = new IoStatCommands();
        cmd.setBlockLayer(new FakeBlockLayer(List.of(), List.of()));
        assertEquals("io:stat: no disks (attach one with --disk FILE)\n", cmd.statText());
    }

    @Test
    void aRowPerDiskWithRatesOverItsSpan() {
        // vda: 2 s, 100 reads of 8 sectors, 50 writes of 16, busy 1.5 s, queue 2.5, await 12.345 ms, p99 40 ms
        Map<String, Long> vda = counters(2_000_000, 100, 800, 50, 800, 1_500_000, 2500, 12_345, 40_000);
        Map<String, Long> vdb = counters(0, 0, 0, 0, 0, 0, 0, 0, 0);
        IoStatCommands cmd = new IoStatCommands();
        cmd.setBlockLayer(new FakeBlockLayer(List.of("vda", "vdb"), List.of(vda, vdb)));
        assertEquals("DEVICE    r/s    w/s   rkB/s   wkB/s  aqu-sz  await(ms)  p99(ms)  %util  SCHEDULER\n"
                + "vda     50.00  25.00  200.00  200.00    2.50     12.345   40.000   75.0  sched-0\n"
                + "vdb      0.00   0.00    0.00    0.00    0.00      0.000    0.000    0.0  sched-1\n",
                cmd.statText());
        cmd.unsetBlockLayer(new FakeBlockLayer(List.of(), List.of()));
        assertTrue(cmd.statText().startsWith("DEVICE"), "another block layer leaving keeps this one");
    }

    private static Map<String, Long> counters(long spanUs, long reads, long readSectors, long writes,
            long writeSectors, long busyUs, long depthMilli, long awaitUs, long p99Us) {
        Map<String, Long> c = new LinkedHashMap<>();
        c.put("reads", reads);
        c.put("writes", writes);
        c.put("read_sectors", readSectors);
        c.put("write_sectors", writeSectors);
        c.put("span_us", spanUs);
        c.put("busy_us", busyUs);
        c.put("queue_depth_avg_milli", depthMilli);
        c.put("latency_us_avg", awaitUs);
        c.put("latency_us_p99", p99Us);
        return c;
    }

    /** A block layer that answers its devices' names, counters and scheduler names, and queues nothing. */
    record FakeBlockLayer(List<String> devices, List<Map<String, Long>> all) implements BlockLayer {
        @Override public int device(String name) { return devices.indexOf(name); }
        @Override public long sectors(int device) { return 2048; }
        @Override public boolean readOnly(int device) { return false; }
        @Override public int submit(BlockIo io) { throw new AssertionError("io:stat submits nothing"); }
        @Override public String scheduler(int device) { return "sched-" + device; }
        @Override public Map<String, Long> counters(int device) { return all.get(device); }
        @Override public Map<String, Long> processCounters(int pid) { return Map.of(); }
    }
}
