package osbox.block.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.block.Request;
import osbox.block.driver.settings.DriverSettings;
import osbox.hw.disk.MediaModel;

/**
 * The driver over the real HDD and SSD models (their default parameters):
 * data written in one mode over scattered segments read back in another,
 * byte for byte, whatever the timing.
 */
class RealDisksTest {
    private static final long SECTORS = 1 << 15;

    // The models' classes are their bundles' own (package-private): made here as their components make them.
    private static MediaModel model(String kind) throws Exception {
        String pkg = "osbox.hw.disk." + kind + ".";
        String up = kind.substring(0, 1).toUpperCase() + kind.substring(1);
        Class<?> params = Class.forName(pkg + up + "Parameters");
        Field defaults = params.getDeclaredField("DEFAULT");
        defaults.setAccessible(true);
        Constructor<?> make = Class.forName(pkg + up + "Model").getDeclaredConstructor(long.class, params);
        make.setAccessible(true);
        return (MediaModel) make.newInstance(SECTORS, defaults.get(null));
    }

    @ParameterizedTest
    @CsvSource({"hdd, dma, pio", "hdd, pio, dma", "ssd, dma, pio", "ssd, pio, dma"})
    void whatOneModeWritesTheOtherReadsBack(String kind, String writeMode, String readMode) throws Exception {
        TestBench bench = new TestBench(model(kind), SECTORS);
        DiskDriver driver = new DiskDriver(0, bench.disk, bench);
        // 3 segments of 1 KiB, 2 KiB and 1 KiB, apart in memory: 8 sectors
        long[] from = {0x21000, 0x23800, 0x26000};
        long[] to = {0x31000, 0x33800, 0x36000};
        int[] lengths = {1024, 2048, 1024};
        int word = 0;
        for (int s = 0; s < 3; s++) {
            for (int off = 0; off < lengths[s]; off += 8) {
                bench.memory.store(from[s] + off, 8, 0x5eed_0000_0000L + word++);
            }
        }
        driver.configure(DriverSettings.parse(writeMode + ",interrupt"));
        driver.start(request(1, IoOperation.WRITE, from, lengths), bench::done);
        bench.machine.advanceTo(200_000_000);
        driver.configure(DriverSettings.parse(readMode + ",poll"));
        driver.start(request(2, IoOperation.READ, to, lengths), bench::done);
        bench.machine.advanceTo(400_000_000);
        assertEquals(2, bench.completions.size(), bench.completions.toString());
        assertTrue(bench.completions.get(0).startsWith("1:0@") && bench.completions.get(1).startsWith("2:0@"));
        for (int s = 0; s < 3; s++) {
            byte[] wrote = new byte[lengths[s]];
            byte[] read = new byte[lengths[s]];
            bench.memory.read(from[s], wrote, 0, lengths[s]);
            bench.memory.read(to[s], read, 0, lengths[s]);
            assertArrayEquals(wrote, read, "segment " + s);
        }
        assertEquals(512L, driver.counters().get("driver_pio_words"), "one of the two went by PIO: 4 KiB");
        assertEquals(1L, driver.counters().get("driver_dma_transfers"));
    }

    private static Request request(long id, IoOperation op, long[] at, int[] len) {
        return new Request(id, new BlockIo(0, op, 100, 8, at, len, 0, 1, 1, 0, (b, e) -> { }), 0);
    }

    @ParameterizedTest
    @CsvSource({"hdd", "ssd"})
    void theDriverSeesTheDeviceBusyAsLongAsTheDeviceSaysItWas(String kind) throws Exception {
        TestBench bench = new TestBench(model(kind), SECTORS);
        DiskDriver driver = new DiskDriver(0, bench.disk, bench);
        driver.configure(DriverSettings.parse("pio,interrupt"));
        driver.start(request(1, IoOperation.READ, new long[] {0x20000}, new int[] {4096}), bench::done);
        bench.machine.advanceTo(200_000_000);
        assertEquals(List.of(1), List.of(bench.completions.size()));
        // PIO, no DMA: the media's time is all the device's (1 GHz: a cycle a nanosecond)
        assertEquals(bench.disk.counters().get("busy_ns"), driver.counters().get("driver_device_busy_cycles"));
    }
}
