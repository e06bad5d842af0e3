package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.hw.BlockDevice;

/** disk:list: the attached disks by name, then each one's counters. */
class DiskCommandsTest {

    @Test
    void noDisksSaysHowToAttachOne() throws Exception {
        assertEquals("disk:list: no disks (attach one with --disk FILE)\n", new DiskCommands(null).listText());
    }

    @Test
    void theDisksAreListedByNameWithTheirCounters() throws Exception {
        DiskCommands cmd = new DiskCommands(null);
        cmd.addDisk(new Disk("vdb", "ssd", 2048, true, BlockDevice.TRANSFER_PIO, 0));
        cmd.addDisk(new Disk("vda", "hdd", 3 * 1024 * 2, false, BlockDevice.TRANSFER_DMA, 7));
        assertEquals("NAME  MODEL  SIZE  ACCESS  MODE  READS  WRITES  FLUSHES  ERRORS  BACKING\n"
                + "vda   hdd    3.0M  rw      dma       7       1        0       0  /img/vda\n"
                + "vdb   ssd    1.0M  ro      pio       0       1        0       0  /img/vdb\n"
                + "vda: reads=7 writes=1 flushes=0 errors=0\n"
                + "vdb: reads=0 writes=1 flushes=0 errors=0\n", cmd.listText());
    }

    /** A disk that answers its descriptions, one register and four counters. */
    private record Disk(String name, String model, long sectors, boolean readOnly, long transfer, long reads)
            implements BlockDevice {
        @Override public String backing() { return "/img/" + name; }
        @Override public int interruptSource() { return 1; }
        @Override public long readRegister(int reg) { return reg == REG_TRANSFER ? transfer : 0; }
        @Override public void writeRegister(int reg, long value) { throw new AssertionError("disk:list writes nothing"); }
        @Override public Map<String, Long> counters() {
            Map<String, Long> c = new LinkedHashMap<>();
            c.put("reads", reads);
            c.put("writes", 1L);
            c.put("flushes", 0L);
            c.put("errors", 0L);
            return c;
        }
    }
}
