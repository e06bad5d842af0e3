package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * A disk whose image vanished between the launcher's preflight (which
 * checks every --disk) and the boot: the disk component fails to activate,
 * and osbox says so in one line and exits 2 instead of running the program
 * without its disk (issue 12; ComponentFailures in the launcher). The
 * vanished image is simulated by handing the framework a disk list naming a
 * file that does not exist (the property the preflight would have set).
 */
public class DiskComponentFailureIT {

    @Test
    public void aDiskThatCannotBeOpenedAtBootIsOneLineAndStatusTwo() throws Exception {
        Path gone = Files.createTempDirectory("osbox-disk-gone").resolve("gone.img");
        assertFalse(Files.exists(gone));
        OsboxCommand.Result r = OsboxCommand.of("run", "examples/programs/cat.elf")
                .env("OSBOX_JAVA_OPTS", "-Dosbox.disks=" + gone).stdin("").timeoutSeconds(60).run();
        assertEquals(r.describe(), 2, r.status());
        assertEquals(r.describe(), "osbox: --disk " + gone + ": No such file or directory\n", r.err());
        assertEquals(r.describe(), "", r.out());
    }
}
