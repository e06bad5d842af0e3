package osbox.hw.disk.hdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.hw.BlockDevice;
import osbox.api.hw.DmaEngine;
import osbox.hw.disk.DiskController;
import osbox.hw.disk.FileBackingStore;
import osbox.hw.disk.MemoryBackingStore;
import osbox.hw.dma.ScatterGatherDma;
import osbox.hw.memory.FrameStore;
import osbox.testkit.hw.FakeInterruptController;
import osbox.testkit.hw.FakeMachine;

/**
 * A whole hard disk: the controller, the HDD timing, the real DMA engine
 * and physical memory on a 1 GHz fake machine (a cycle is a nanosecond).
 */
class HddDiskTest {
    private static final long MS = 1_000_000;

    @TempDir
    Path dir;

    private final FrameStore memory = new FrameStore(1 << 20);
    private final FakeMachine machine = new FakeMachine(1, memory);
    private final FakeInterruptController intc = new FakeInterruptController();
    private final ScatterGatherDma dma = new ScatterGatherDma(machine, intc, 0, 1000);

    @Test
    void aDmaReadOfAnMke2fsImageFindsTheExt2Superblock() throws Exception {
        Path image = dir.resolve("ext2.img");
        Files.write(image, new byte[0]);
        Process mke2fs;
        try {
            mke2fs = new ProcessBuilder("mke2fs", "-q", "-F", "-t", "ext2", image.toString(), "1024")
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mke2fs on this host");
            return;
        }
        assumeTrue(mke2fs.waitFor() == 0, "mke2fs failed");
        DiskController disk = new DiskController("vda", FileBackingStore.open(image, true),
                new HddModel(2048, HddParameters.DEFAULT), machine, intc, dma);
        // the superblock is the 1024 bytes at byte 1024: sectors 2 and 3, into memory at 0x8000
        descriptor(0x1000, 0x8000, 1024);
        command(disk, BlockDevice.CMD_READ, 2, 2, BlockDevice.TRANSFER_DMA);
        disk.writeRegister(BlockDevice.REG_INTERRUPT_ENABLE, 1);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        machine.advanceTo(100 * MS);
        assertEquals(List.of(disk.interruptSource()), intc.raised());
        assertEquals(BlockDevice.ERR_NONE, disk.readRegister(BlockDevice.REG_ERROR));
        assertEquals(0xEF53, memory.load(0x8000 + 56, 2), "s_magic");
        assertEquals(1024, memory.load(0x8000 + 4, 4), "s_blocks_count");
    }

    @Test
    void theCompletionComesWhenTheMediaAndTheDmaAreDone() {
        // 7200 rpm: 8333333 ns a revolution, 400 sectors a track in the outer zone: 20833 ns a sector.
        // LBA 0 under the head at 0: the media take one sector; the DMA 512 bytes at 1000 bytes/us: 512 ns
        DiskController disk = new DiskController("vda", new MemoryBackingStore(100_000),
                new HddModel(100_000, HddParameters.DEFAULT), machine, intc, dma);
        descriptor(0x1000, 0x8000, 512);
        command(disk, BlockDevice.CMD_READ, 0, 1, BlockDevice.TRANSFER_DMA);
        disk.writeRegister(BlockDevice.REG_DOORBELL, 1);
        machine.advanceTo(20_833 + 511);
        assertEquals(BlockDevice.STATUS_BUSY, disk.readRegister(BlockDevice.REG_STATUS));
        machine.advanceTo(20_833 + 512);
        assertEquals(BlockDevice.STATUS_READY | BlockDevice.STATUS_DONE, disk.readRegister(BlockDevice.REG_STATUS));
        assertEquals(20_833L, disk.counters().get("transfer_ns"));
        assertEquals(512L, disk.counters().get("dma_bytes"));
    }

    private void descriptor(long at, long address, int length) {
        memory.store(at, 8, address);
        memory.store(at + 8, 4, length);
        memory.store(at + 12, 4, DmaEngine.DESCRIPTOR_LAST);
    }

    private static void command(DiskController d, long command, long lba, long count, long transfer) {
        d.writeRegister(BlockDevice.REG_COMMAND, command);
        d.writeRegister(BlockDevice.REG_LBA, lba);
        d.writeRegister(BlockDevice.REG_COUNT, count);
        d.writeRegister(BlockDevice.REG_TRANSFER, transfer);
        d.writeRegister(BlockDevice.REG_DMA_LIST, 0x1000);
    }
}
