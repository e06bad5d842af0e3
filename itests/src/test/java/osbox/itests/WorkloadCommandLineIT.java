package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * Workloads and the lab through the osbox script (issue 9, point 11): a
 * program that cannot run is refused before the run, a non-zero status says
 * why on stderr, input that is merely too large is refused at once.
 */
public class WorkloadCommandLineIT {

    private static Path workload(String name, String program) throws Exception {
        Path dir = Files.createTempDirectory("osbox-workload-it");
        Path file = dir.resolve(name);
        Files.writeString(file, "processes:\n  - {program: " + OsboxCommand.ROOT.resolve(program) + "}\n"
                + "  - {program: " + OsboxCommand.ROOT.resolve("examples/programs/hello.elf") + "}\n");
        return file;
    }

    @Test
    public void aProgramForAnotherMachineIsRefusedBeforeTheRun() throws Exception {
        Path file = workload("x86.yaml", "examples/programs/bad/x86_64.elf");
        OsboxCommand.Result r = OsboxCommand.of("run", file.toString()).run();
        assertEquals(r.describe(), 2, r.status());
        assertEquals(r.describe(), 1, r.err().lines().count());
        assertTrue(r.describe(), r.err().contains("processes[0].program: ")
                && r.err().contains("x86_64.elf: ELF for another machine (e_machine 62), not RISC-V (243)"));
        assertTrue(r.describe(), !r.out().contains("Hello from osbox!"));
    }

    @Test
    public void aProcessNotStartedSaysWhyTheStatusIsOne() throws Exception {
        Path file = workload("dynamic.yaml", "examples/programs/bad/dynamic.elf");
        OsboxCommand.Result r = OsboxCommand.of("run", file.toString()).run();
        assertEquals(r.describe(), 1, r.status());
        assertTrue(r.describe(), r.out().contains("Hello from osbox!"));
        assertTrue(r.describe(), r.err().startsWith("osbox: " + file + ": dynamic: not started at 0.000 ms: "));
    }

    @Test
    public void theLabHelpsAndRefusesTooMuchWorkAtOnce() throws Exception {
        // the script builds the lab (mvn install) when its jar is missing: not from a test
        boolean built = Files.isRegularFile(OsboxCommand.ROOT.resolve("harness/target/osbox-tools.jar"));
        if (!built) {
            System.err.println("WorkloadCommandLineIT: skipped, harness/target/osbox-tools.jar is not built");
        }
        assumeTrue(built);
        OsboxCommand.Result help = OsboxCommand.of("lab", "--help").run();
        assertEquals(help.describe(), 0, help.status());
        assertTrue(help.describe(), help.out().startsWith("usage: osbox lab sched "));
        OsboxCommand.Result big = OsboxCommand.of("lab", "sched", "--policy", "rr", "--jobs", "1000000000000")
                .timeoutSeconds(20).run();
        assertEquals(big.describe(), 2, big.status());
        assertEquals(big.describe(), "osbox lab sched: length must be at most 1000000 (the lab's limit), got 1000000000000\n",
                big.err());
    }
}
