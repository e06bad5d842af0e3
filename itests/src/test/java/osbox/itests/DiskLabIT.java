package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import org.junit.Test;

/**
 * The disk lab through the osbox script (issue 12, point 6): the reference
 * case of OSTEP's disk.py as JSON, and bad input as one line with status 2.
 * The variants are unit-tested in the test kit (DiskLabTest).
 */
public class DiskLabIT {

    @Test
    public void answersDiskPysReferenceAndRefusesBadInput() throws Exception {
        // the script builds the lab (mvn install) when its jar is missing: not from a test
        boolean built = Files.isRegularFile(OsboxCommand.ROOT.resolve("harness/target/osbox-tools.jar"));
        if (!built) {
            System.err.println("DiskLabIT: skipped, harness/target/osbox-tools.jar is not built");
        }
        assumeTrue(built);
        OsboxCommand.Result r = OsboxCommand.of("lab", "disk", "--policy", "SSTF", "--addresses", "7,30,8",
                "--json").timeoutSeconds(20).run();
        assertEquals(r.describe(), 0, r.status());
        assertEquals(r.describe(), "{\"requests\":[{\"block\":7,\"seek\":0,\"rotate\":15,\"transfer\":30,\"total\":45},"
                + "{\"block\":8,\"seek\":0,\"rotate\":0,\"transfer\":30,\"total\":30},"
                + "{\"block\":30,\"seek\":80,\"rotate\":190,\"transfer\":30,\"total\":300}],"
                + "\"totals\":{\"seek\":80,\"rotate\":205,\"transfer\":90,\"total\":375}}\n", r.out());
        OsboxCommand.Result bad = OsboxCommand.of("lab", "disk", "--policy", "SCAN", "--addresses", "1")
                .timeoutSeconds(20).run();
        assertEquals(bad.describe(), 2, bad.status());
        assertEquals(bad.describe(), "osbox lab disk: --policy: no policy 'SCAN' (known: FIFO, SATF, SSTF)\n",
                bad.err());
    }
}
