package osbox.hw.disk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.hw.BlockDevice;
import osbox.api.hw.DmaEngine;
import osbox.testkit.hw.FakeInterruptController;
import osbox.testkit.hw.FakeMachine;

/**
 * The register protocol on a memory disk whose media take a fixed 1000 ns
 * per command (the fake machine runs at 1 GHz: a nanosecond is a cycle).
 */
class DiskControllerTest {
    private final FakeMachine machine = new FakeMachine(1);
    private final FakeInterruptController intc = new FakeInterruptController();
    private final MemoryBackingStore store = new MemoryBackingStore(64);
    private final CopyingDma dma = new CopyingDma();
    private final DiskController disk = new DiskController("vda", store, new FixedMedia(), machine, intc, dma);

    @Test
    void aPioReadCompletesByInterruptThenTheDriverDrainsThePort() throws Exception {
        byte[] sector = pattern(1);
        store.write(3, sector, 1);
        program(BlockDevice.CMD_READ, 3, 1, BlockDevice.TRANSFER_PIO);
        disk.writeRegister(BlockDevice.REG_INTERRUPT_ENABLE, 1);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        assertEquals(BlockDevice.STATUS_BUSY, disk.readRegister(BlockDevice.REG_STATUS));
        machine.advanceTo(999);
        assertEquals(List.of(), intc.raised(), "not before the media are done");
        machine.advanceTo(1000);
        assertEquals(List.of(disk.interruptSource()), intc.raised());
        assertEquals(BlockDevice.STATUS_DRQ | BlockDevice.STATUS_DONE, disk.readRegister(BlockDevice.REG_STATUS));
        byte[] got = new byte[512];
        for (int i = 0; i < 512; i += 8) {
            long word = disk.readRegister(BlockDevice.REG_DATA);
            for (int b = 0; b < 8; b++) {
                got[i + b] = (byte) (word >>> (8 * b));
            }
        }
        assertArrayEquals(sector, got);
        assertEquals(BlockDevice.STATUS_READY | BlockDevice.STATUS_DONE, disk.readRegister(BlockDevice.REG_STATUS));
        disk.writeRegister(BlockDevice.REG_INTERRUPT_ACK, 1);
        assertEquals(BlockDevice.STATUS_READY, disk.readRegister(BlockDevice.REG_STATUS));
        assertEquals(512L, disk.counters().get("pio_bytes"));
    }

    @Test
    void aPioWriteWaitsForItsDataThenReachesTheStoreAtCompletion() throws Exception {
        program(BlockDevice.CMD_WRITE, 5, 1, BlockDevice.TRANSFER_PIO);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        assertEquals(BlockDevice.STATUS_DRQ, disk.readRegister(BlockDevice.REG_STATUS));
        for (int i = 0; i < 64; i++) {
            disk.writeRegister(BlockDevice.REG_DATA, 0x0101010101010101L * 7);
        }
        assertEquals(BlockDevice.STATUS_BUSY, disk.readRegister(BlockDevice.REG_STATUS));
        machine.advanceTo(1000);
        assertEquals(BlockDevice.STATUS_READY | BlockDevice.STATUS_DONE, disk.readRegister(BlockDevice.REG_STATUS),
                "polled: done without an interrupt");
        assertEquals(List.of(), intc.raised());
        byte[] got = new byte[512];
        store.read(5, got, 1);
        assertEquals(7, got[511]);
    }

    @Test
    void dmaMovesTheDataOnEachSideOfTheMedia() throws Exception {
        store.write(0, pattern(9), 1);
        program(BlockDevice.CMD_READ, 0, 1, BlockDevice.TRANSFER_DMA);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        machine.advanceTo(1000);
        assertArrayEquals(pattern(9), dma.memory, "read: media, then the copy into memory");
        assertEquals(BlockDevice.STATUS_READY | BlockDevice.STATUS_DONE, disk.readRegister(BlockDevice.REG_STATUS));

        dma.memory = pattern(4);
        program(BlockDevice.CMD_WRITE, 1, 1, BlockDevice.TRANSFER_DMA);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        machine.advanceTo(2000);
        byte[] got = new byte[512];
        store.read(1, got, 1);
        assertArrayEquals(pattern(4), got);
        assertEquals(1024L, disk.counters().get("dma_bytes"));
    }

    @Test
    void badCommandsFailAtOnceWithTheirCode() {
        disk.writeRegister(BlockDevice.REG_INTERRUPT_ENABLE, 1);
        program(BlockDevice.CMD_READ, 63, 2, BlockDevice.TRANSFER_PIO);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        assertEquals(BlockDevice.ERR_RANGE, disk.readRegister(BlockDevice.REG_ERROR));
        assertEquals(BlockDevice.STATUS_READY | BlockDevice.STATUS_DONE | BlockDevice.STATUS_ERROR,
                disk.readRegister(BlockDevice.REG_STATUS));
        program(9, 0, 1, BlockDevice.TRANSFER_PIO);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        assertEquals(BlockDevice.ERR_BAD_COMMAND, disk.readRegister(BlockDevice.REG_ERROR));
        program(BlockDevice.CMD_READ, 0, BlockDevice.MAX_SECTORS + 1, BlockDevice.TRANSFER_PIO);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        assertEquals(BlockDevice.ERR_BAD_COMMAND, disk.readRegister(BlockDevice.REG_ERROR));
        dma.bad = true;
        program(BlockDevice.CMD_READ, 0, 1, BlockDevice.TRANSFER_DMA);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        machine.advanceTo(1000);
        assertEquals(BlockDevice.ERR_DMA, disk.readRegister(BlockDevice.REG_ERROR));
        assertEquals(4, intc.raised().size());
        assertEquals(4L, disk.counters().get("errors"));
    }

    @Test
    void theDoorbellOfABusyDeviceIsRefusedAndTheCommandGoesOn() {
        program(BlockDevice.CMD_READ, 0, 1, BlockDevice.TRANSFER_DMA);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        assertEquals(BlockDevice.ERR_BUSY, disk.readRegister(BlockDevice.REG_ERROR));
        machine.advanceTo(1000);
        assertEquals(BlockDevice.ERR_NONE, disk.readRegister(BlockDevice.REG_ERROR));
        assertEquals(1L, disk.counters().get("reads"));
    }

    @Test
    void aFlushAndAPreflushAskTheModelToFlush() {
        FixedMedia media = new FixedMedia();
        DiskController d = new DiskController("vdb", store, media, machine, intc, dma);
        d.writeRegister(BlockDevice.REG_COMMAND, BlockDevice.CMD_FLUSH);
        d.writeRegister(BlockDevice.REG_DOORBELL, 1);
        machine.advanceTo(1000);
        d.writeRegister(BlockDevice.REG_INTERRUPT_ACK, 1);
        program(d, BlockDevice.CMD_WRITE, 0, 1, BlockDevice.TRANSFER_DMA);
        d.writeRegister(BlockDevice.REG_FLAGS, BlockDevice.FLAG_PREFLUSH | BlockDevice.FLAG_FUA);
        d.writeRegister(BlockDevice.REG_DOORBELL, 1);
        machine.advanceTo(3000);
        assertEquals(List.of("flush", "flush", "write fua"), media.calls);
        assertEquals(3000L, d.counters().get("busy_ns"));
    }

    @Test
    void theDescriptionsComeFromTheStoreAndTheModel() {
        assertEquals("vda", disk.name());
        assertEquals("fixed", disk.model());
        assertEquals(64, disk.sectors());
        assertEquals("memory", disk.backing());
        assertEquals(List.of("vda"), intc.sources());
        assertEquals("reads", disk.counters().keySet().iterator().next());
        assertEquals(List.of("reads", "writes", "flushes", "errors", "sectors_read", "sectors_written", "pio_bytes",
                "dma_bytes", "busy_ns", "interrupts", "fixed_calls"), List.copyOf(disk.counters().keySet()));
    }

    private void program(long command, long lba, long count, long transfer) {
        program(disk, command, lba, count, transfer);
    }

    private static void program(DiskController d, long command, long lba, long count, long transfer) {
        d.writeRegister(BlockDevice.REG_COMMAND, command);
        d.writeRegister(BlockDevice.REG_LBA, lba);
        d.writeRegister(BlockDevice.REG_COUNT, count);
        d.writeRegister(BlockDevice.REG_TRANSFER, transfer);
        d.writeRegister(BlockDevice.REG_DMA_LIST, 0x1000);
    }

    private static byte[] pattern(int seed) {
        byte[] b = new byte[512];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    /** Media that take 1000 ns for anything, flushes of nothing included, and record the calls. */
    private static final class FixedMedia implements MediaModel {
        final List<String> calls = new ArrayList<>();

        @Override public String model() { return "fixed"; }
        @Override public long read(long startNs, long lba, int count) { calls.add("read"); return 1000; }
        @Override public long write(long startNs, long lba, int count, boolean fua) {
            calls.add(fua ? "write fua" : "write");
            return 1000;
        }
        @Override public long flush(long startNs) { calls.add("flush"); return 1000; }
        @Override public String[] counterNames() { return new String[] {"fixed_calls"}; }
        @Override public void counters(long[] into) { into[0] = 0; }
    }

    /** A DMA engine over one 512-byte "memory", instant, that can be told the list is bad. */
    private static final class CopyingDma implements DmaEngine {
        byte[] memory = new byte[512];
        boolean bad;

        @Override
        public long transfer(long listAddress, byte[] buffer, int length, boolean toMemory, boolean interrupt,
                Completion done) {
            if (bad) {
                done.done(BAD_LIST, 0);
                return 0;
            }
            if (toMemory) {
                System.arraycopy(buffer, 0, memory, 0, length);
            } else {
                System.arraycopy(memory, 0, buffer, 0, length);
            }
            done.done(OK, length);
            return 0;
        }

        @Override public int interruptSource() { return 0; }
        @Override public long transfers() { return 0; }
        @Override public long bytesMoved() { return 0; }
        @Override public long busyCycles() { return 0; }
    }
}
