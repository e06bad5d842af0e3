package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * Disks through the osbox script (issue 12): two --disk images attached as
 * vda (hdd) and vdb (ssd, read-only) and listed by disk:list; a missing
 * image stops osbox before it boots with one line and status 2.
 */
public class DiskIT {

    @Test
    public void attachedDisksAreListedAndAMissingOneIsOneLine() throws Exception {
        Path dir = Files.createTempDirectory("osbox-disk-it");
        Path hdd = Files.write(dir.resolve("hdd.img"), new byte[1 << 20]);
        Path ssd = Files.write(dir.resolve("ssd.img"), new byte[2 << 20]);
        OsboxCommand.Result r = OsboxCommand.of("--disk", hdd.toString(), "--disk", ssd + ",model=ssd,ro")
                .stdin("disk:list\n").run();
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.describe(), r.out().contains("vda   hdd    1.0M  rw      pio       0       0        0       0  "
                + hdd + "\n"));
        assertTrue(r.describe(), r.out().contains("vdb   ssd    2.0M  ro      pio       0       0        0       0  "
                + ssd + "\n"));
        assertTrue(r.describe(), r.out().contains("vdb: reads=0 writes=0"));
        assertTrue(r.describe(), r.out().contains("write_amplification_milli=1000"));

        OsboxCommand.Result missing = OsboxCommand.of("--disk", dir.resolve("none.img").toString()).stdin("").run();
        assertEquals(missing.describe(), 2, missing.status());
        assertEquals(missing.describe(), "osbox: --disk " + dir.resolve("none.img") + ": No such file or directory\n",
                missing.err());
    }
}
