package osbox.block.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.hw.BlockDevice;
import osbox.api.io.BlockIo;
import osbox.api.io.IoOperation;
import osbox.block.Request;
import osbox.block.driver.settings.DriverSettings;

/**
 * The driver over a disk whose every operation takes 1 ms, the real DMA
 * engine (4000 bytes a microsecond) and real memory, at 1 GHz: the costs
 * of the same 64 KiB read under each mode, worked out by hand. The
 * submitter runs on hart 0, interrupts are taken by hart 1.
 */
class DiskDriverTest {
    private static final int SECTORS_64K = 128;
    private static final long WORDS_64K = 65536 / 8;
    /** 1 ms of media, then 65536 bytes at 4000 bytes/us: 16384 ns of DMA. */
    private static final long DMA_READ_DONE = 1_000_000 + 16_384;

    private final TestBench bench = new TestBench(new TestBench.OneMillisecond(), 4096);
    private final DiskDriver driver = new DiskDriver(0, bench.disk, bench);

    private Map<String, Long> readOnce(String mode) {
        driver.configure(DriverSettings.parse(mode));
        Request r = bench.request(IoOperation.READ, 0, SECTORS_64K, 0x20000, 0);
        driver.start(r, bench::done);
        assertFalse(driver.idle());
        assertEquals(List.of(), bench.completions, "never completed from inside start");
        bench.machine.advanceTo(10_000_000);
        assertTrue(driver.idle());
        return driver.counters();
    }

    @Test
    void aDmaReadByInterruptCostsTheCpuOneInterrupt() {
        Map<String, Long> c = readOnce("dma,interrupt");
        assertEquals(List.of("1:0@" + DMA_READ_DONE), bench.completions);
        assertEquals(2_000L, c.get("driver_io_cycles"));
        assertEquals(2_000L, c.get("driver_interrupt_cycles"));
        assertEquals(2_000L, bench.charged[1], "the interrupted hart pays");
        assertEquals(0L, bench.charged[0]);
        assertEquals(DMA_READ_DONE, c.get("driver_device_busy_cycles"));
        assertEquals(DMA_READ_DONE - 2_000, c.get("driver_cpu_free_cycles"));
        assertEquals(1L, c.get("driver_interrupts"));
        assertEquals(1L, c.get("driver_dma_transfers"));
        assertEquals(0L, c.get("driver_pio_words"));
        // the list in the driver's frame: 16 pages in a row make one descriptor
        long list = TestBench.LIST_FRAME << 12;
        assertEquals(0x20000L, bench.memory.load(list, 8));
        assertEquals(65536L, bench.memory.load(list + 8, 4));
        assertEquals(1L, bench.memory.load(list + 12, 4));
    }

    @Test
    void aPioReadByInterruptCostsEveryWord() {
        Map<String, Long> c = readOnce("pio,interrupt");
        assertEquals(List.of("1:0@1000000"), bench.completions);
        assertEquals(WORDS_64K, c.get("driver_pio_words"));
        assertEquals(WORDS_64K * 400, c.get("driver_pio_cycles"));
        assertEquals(WORDS_64K * 400 + 2_000, c.get("driver_io_cycles"));
        assertEquals(WORDS_64K * 400 + 2_000, bench.charged[1], "the interrupted hart copies");
        assertEquals(0L, c.get("driver_cpu_free_cycles"), "the copy outlasts the media");
        assertEquals(0L, c.get("driver_dma_transfers"));
    }

    @Test
    void pollingChargesTheSubmitterTheWholeDeviceTime() {
        Map<String, Long> c = readOnce("dma,poll");
        // polls every 1000 cycles: the first to see DONE is at 1017000
        assertEquals(List.of("1:0@1017000"), bench.completions);
        assertEquals(1_017L, c.get("driver_polls"));
        assertEquals(1_017_000L, c.get("driver_poll_cycles"));
        assertEquals(1_017_000L, bench.charged[0], "the submitter busy-waits");
        assertEquals(0L, bench.charged[1]);
        assertEquals(0L, c.get("driver_interrupts"));
        assertEquals(0L, c.get("driver_cpu_free_cycles"));
        assertEquals(0L, bench.disk.readRegister(BlockDevice.REG_INTERRUPT_ENABLE));
    }

    @Test
    void aPioWriteIsCopiedBySubmitterAtStartAndReadsBackTheSameBytes() {
        driver.configure(DriverSettings.parse("pio,poll,poll_interval=100000"));
        for (int i = 0; i < 8192; i += 8) {
            bench.memory.store(0x20000 + i, 8, 0x0102030405060708L * (i + 1));
        }
        driver.start(bench.request(IoOperation.WRITE, 64, 16, 0x20000, 0), bench::done);
        assertEquals(1024L * 400, bench.charged[0], "8 KiB copied at start by the submitter");
        bench.machine.advanceTo(2_000_000);
        assertEquals(List.of("1:0@1000000"), bench.completions, "the 10th poll sees the media done");
        driver.configure(DriverSettings.parse("dma,interrupt"));
        driver.start(bench.request(IoOperation.READ, 64, 16, 0x40000, 0), bench::done);
        bench.machine.advanceTo(4_000_000);
        byte[] wrote = new byte[8192];
        byte[] read = new byte[8192];
        bench.memory.read(0x20000, wrote, 0, 8192);
        bench.memory.read(0x40000, read, 0, 8192);
        assertArrayEquals(wrote, read);
        assertEquals(1024L * 2, driver.counters().get("driver_pio_words") + 1024, "one PIO request, one DMA");
    }

    @Test
    void aDeviceErrorCompletesWithEio() {
        driver.configure(DriverSettings.parse("dma,interrupt"));
        driver.start(bench.request(IoOperation.READ, 4090, 16, 0x20000, 0), bench::done);   // past the end
        assertEquals(List.of(), bench.completions);
        bench.machine.advanceTo(10);
        assertEquals(List.of("1:5@0"), bench.completions);
        assertEquals(1L, driver.counters().get("driver_errors"));
        assertTrue(driver.idle());
    }

    @Test
    void flagsAndFlushReachTheRegisters() {
        driver.start(bench.request(IoOperation.WRITE, 0, 1, 0x20000, BlockIo.FUA | BlockIo.PREFLUSH), bench::done);
        assertEquals(BlockDevice.FLAG_FUA | BlockDevice.FLAG_PREFLUSH, bench.disk.readRegister(BlockDevice.REG_FLAGS));
        assertEquals(BlockDevice.CMD_WRITE, bench.disk.readRegister(BlockDevice.REG_COMMAND));
        bench.machine.advanceTo(2_000_000);
        driver.start(bench.request(IoOperation.FLUSH, 0, 0, 0, 0), bench::done);
        assertEquals(BlockDevice.CMD_FLUSH, bench.disk.readRegister(BlockDevice.REG_COMMAND));
        bench.machine.advanceTo(3_000_000);
        assertEquals(2, bench.completions.size());
        assertEquals(1L, driver.counters().get("driver_dma_transfers"), "a flush moves no data");
    }

    @Test
    void withoutADmaEngineTheDriverUsesPio() {
        bench.withDma = false;
        Map<String, Long> c = readOnce("dma,interrupt");
        assertEquals(List.of("1:0@1000000"), bench.completions);
        assertEquals(WORDS_64K, c.get("driver_pio_words"));
        assertEquals(1L, c.get("driver_pio_fallbacks"));
        assertEquals(BlockDevice.TRANSFER_PIO, bench.disk.readRegister(BlockDevice.REG_TRANSFER));
    }

    @Test
    void withoutAKernelFrameTheDriverUsesPio() {
        bench.frame = -1;
        Map<String, Long> c = readOnce("dma,interrupt");
        assertEquals(WORDS_64K, c.get("driver_pio_words"));
        assertEquals(1L, c.get("driver_pio_fallbacks"));
    }

    @Test
    void coalescingTakesOneInterruptForTwoCompletions() {
        driver.configure(DriverSettings.parse("dma,interrupt,coalesce_count=2,coalesce_cycles=5000000"));
        driver.start(bench.request(IoOperation.READ, 0, 8, 0x20000, 0), bench::done);
        // 1 ms of media, 4096 bytes of DMA: 1024 ns
        bench.machine.advanceTo(1_001_024);
        assertTrue(driver.idle(), "the device is free though its completion is not taken yet");
        assertEquals(List.of(), bench.completions);
        driver.start(bench.request(IoOperation.READ, 8, 8, 0x30000, 0), bench::done);
        bench.machine.advanceTo(3_000_000);
        assertEquals(List.of("1:0@2002048", "2:0@2002048"), bench.completions);
        Map<String, Long> c = driver.counters();
        assertEquals(1L, c.get("driver_interrupts"));
        assertEquals(1L, c.get("driver_coalesced"));
        assertEquals(2_000L, c.get("driver_interrupt_cycles"));
    }

    @Test
    void underCoalescingTheQueueIsToldTheDeviceIsFreeSoTheNextStartsAtOnce() {
        driver.configure(DriverSettings.parse("dma,interrupt,coalesce_count=2,coalesce_cycles=5000000"));
        List<Long> idleAt = new java.util.ArrayList<>();
        // the queue's part: start the second request the moment the driver says the device is free
        driver.onIdle(() -> {
            idleAt.add(bench.machine.now());
            if (idleAt.size() == 1) {
                driver.start(bench.request(IoOperation.READ, 8, 8, 0x30000, 0), bench::done);
            }
        });
        driver.start(bench.request(IoOperation.READ, 0, 8, 0x20000, 0), bench::done);
        bench.machine.advanceTo(3_000_000);
        assertEquals(List.of(1_001_024L), idleAt, "told once, when the first finished on the device");
        // the second started at 1001024 and finished 1 ms + 1024 ns later: one interrupt for both
        assertEquals(List.of("1:0@2002048", "2:0@2002048"), bench.completions);
        assertEquals(1L, driver.counters().get("driver_interrupts"));
        assertEquals(1L, driver.counters().get("driver_coalesced"));
    }

    @Test
    void aLoneCoalescedCompletionWaitsForTheTimer() {
        driver.configure(DriverSettings.parse("dma,interrupt,coalesce_count=4,coalesce_cycles=50000"));
        driver.start(bench.request(IoOperation.READ, 0, 8, 0x20000, 0), bench::done);
        bench.hart = -1;                       // events outside a trap: no hart
        bench.machine.advanceTo(2_000_000);
        assertEquals(List.of("1:0@1051024"), bench.completions, "done at 1001024, noticed 50000 later");
        assertEquals(2_000L, bench.charged[0], "the timer runs outside any trap: hart 0, counted");
        assertEquals(1L, driver.counters().get("driver_unattributed_charges"));
    }

    @Test
    void aPioReadUnderCoalescingIsCopiedWhenTheTimerEnds() {
        driver.configure(DriverSettings.parse("pio,interrupt,coalesce_count=2,coalesce_cycles=10000"));
        driver.start(bench.request(IoOperation.READ, 0, 8, 0x20000, 0), bench::done);
        bench.machine.advanceTo(1_005_000);
        assertFalse(driver.idle(), "the data still wait in the port");
        bench.machine.advanceTo(2_000_000);
        assertEquals(List.of("1:0@1010000"), bench.completions);
        assertEquals(512L, driver.counters().get("driver_pio_words"));
    }

    @Test
    void aNewModeAppliesFromTheNextRequest() {
        driver.configure(DriverSettings.parse("dma,interrupt"));
        driver.start(bench.request(IoOperation.READ, 0, 8, 0x20000, 0), bench::done);
        driver.configure(DriverSettings.parse("pio,poll"));
        bench.machine.advanceTo(2_000_000);
        Map<String, Long> c = driver.counters();
        assertEquals(1L, c.get("driver_interrupts"), "the request in progress kept its mode");
        assertEquals(0L, c.get("driver_polls"));
        assertEquals(1L, c.get("driver_mode_transfer"), "the next one goes by PIO");
        assertEquals(1L, c.get("driver_mode_completion"), "and polls");
    }

    @Test
    void requestsTheDeviceCannotTakeAreRefusedLoudly() {
        Request big = bench.request(IoOperation.READ, 0, BlockDevice.MAX_SECTORS + 8, 0x0, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.start(big, bench::done));
        assertTrue(e.getMessage().contains("2048 sectors"), e.getMessage());
        driver.start(bench.request(IoOperation.READ, 0, 8, 0x20000, 0), bench::done);
        assertThrows(IllegalStateException.class,
                () -> driver.start(bench.request(IoOperation.READ, 8, 8, 0x20000, 0), bench::done));
    }

    @Test
    void theCountersComeInAFixedOrder() {
        assertEquals(List.of(DriverCounters.NAMES), List.copyOf(driver.counters().keySet()));
    }
}
