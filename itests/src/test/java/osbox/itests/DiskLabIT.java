package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import org.junit.Test;

/**
 * The disk lab through the osbox script (issue 12, point 6): the reference
 * case of OSTEP's disk.py as JSON, bad input as one line with status 2,
 * and a shipped I/O scheduler on the textbook queue.
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
        OsboxCommand.Result bad = OsboxCommand.of("lab", "disk", "--policy", "LIFO", "--addresses", "1")
                .timeoutSeconds(20).run();
        assertEquals(bad.describe(), 2, bad.status());
        assertEquals(bad.describe(), "osbox lab disk: --policy: no policy 'LIFO' (known: FIFO, SATF, SSTF; osbox:"
                + " bfq, clook, cscan, deadline, look, noop, scan, sstf)\n", bad.err());
        // the shipped I/O schedulers are in the tools jar: SCAN towards 0 on Silberschatz's queue, 236 cylinders
        OsboxCommand.Result scan = OsboxCommand.of("lab", "disk", "--policy", "scan", "--option", "direction=down",
                "--addresses", "98,183,37,122,14,124,65,67", "--cylinders", "200", "--head", "53", "--json")
                .timeoutSeconds(20).run();
        assertEquals(scan.describe(), 0, scan.status());
        assertEquals(scan.describe(), "{\"requests\":[{\"cylinder\":37,\"move\":16},{\"cylinder\":14,\"move\":23},"
                + "{\"cylinder\":65,\"move\":79},{\"cylinder\":67,\"move\":2},{\"cylinder\":98,\"move\":31},"
                + "{\"cylinder\":122,\"move\":24},{\"cylinder\":124,\"move\":2},{\"cylinder\":183,\"move\":59}],"
                + "\"movement\":236}\n", scan.out());
    }
}
