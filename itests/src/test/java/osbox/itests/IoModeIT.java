package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * The disk driver's mode through the osbox script (issue 12): --io-mode
 * sets vda's at boot, io:mode shows it and changes it through Config Admin.
 */
public class IoModeIT {

    @Test
    public void theLaunchersModeIsShownAndTheShellChangesIt() throws Exception {
        Path dir = Files.createTempDirectory("osbox-iomode-it");
        Path hdd = Files.write(dir.resolve("hdd.img"), new byte[1 << 20]);
        OsboxCommand.Result r = OsboxCommand.of("--disk", hdd.toString(), "--io-mode", "vda=pio")
                .stdin("io:mode\nio:mode vda dma poll\nio:mode vda\nio:mode vda fast\n").run();
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.describe(), r.out().matches("(?s).*\\nvda +pio,interrupt,coalesce_count=1,.*"));
        assertTrue(r.describe(), r.out().contains("io:mode: vda dma,poll,coalesce_count=1,coalesce_cycles=0,"
                + "pio_cycles_per_word=400,interrupt_cycles=2000,poll_interval=1000 from its next request\n"));
        assertTrue(r.describe(), r.out().contains("vda dma,poll,coalesce_count=1,"));
        assertTrue(r.describe(), r.out().contains("io:mode: unknown driver mode 'fast'"));
    }
}
