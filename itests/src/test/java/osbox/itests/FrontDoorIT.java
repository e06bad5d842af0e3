package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.Test;

/**
 * Issue 9's front door, through the real osbox script: no silent hangs,
 * one parser for sizes and TLB specs, a component's configuration error as
 * one line and status 2 in run and shell mode, output files checked before
 * the run, and help and errors that tell the truth. Each behaviour once
 * (every run is a JVM start); the variants are the unit tests of
 * CommandLine, Preflight, MemorySize and TlbSpec.
 */
public class FrontDoorIT {

    private static final String HELLO = "examples/programs/hello.elf";

    private static OsboxCommand.Result osbox(String... args) throws Exception {
        return OsboxCommand.of(args).timeoutSeconds(90).run();
    }

    // One line on stderr, status 2, nothing on stdout: a usage or configuration error.
    private static void assertOneLineError(String expected, OsboxCommand.Result r) {
        assertEquals(r.describe(), 2, r.status());
        assertEquals(r.describe(), expected + System.lineSeparator(), r.err());
        assertEquals(r.describe(), "", r.out());
    }

    @Test
    public void theShellWithHostDirOrADoubleDashOpensAndEndsWithItsInput() throws Exception {
        for (String[] args : new String[][] {{"--host-dir", "/tmp"}, {"--"}}) {
            OsboxCommand.Result r = OsboxCommand.of(args).timeoutSeconds(60).run();   // stdin: /dev/null
            assertEquals(r.describe(), 0, r.status());
            assertTrue(r.describe(), r.out().contains("Welcome to Apache Felix Gogo"));
        }
    }

    @Test
    public void sizesBeyondTheLimitAreOneLineInRunAndShell() throws Exception {
        assertOneLineError("osbox: --mem 5T: too large (at most 4T)", osbox("run", "--mem", "5T", HELLO));
        assertOneLineError("osbox: --swap 12X: not a size (use e.g. 0, 4096K, 64M, 1G)", osbox("--swap", "12X"));
    }

    @Test
    public void aTlbSpecWithAStrayCommaIsOneLine() throws Exception {
        assertOneLineError("osbox: --tlb 64x4,: empty item (a stray comma?); syntax [ENTRIES[xWAYS]][,entries=N]"
                + "[,ways=N|full][,asid=on|off][,refill=hardware|software]", osbox("run", "--tlb", "64x4,", HELLO));
        assertOneLineError("osbox: --tlb asid=off,: empty item (a stray comma?); syntax [ENTRIES[xWAYS]][,entries=N]"
                + "[,ways=N|full][,asid=on|off][,refill=hardware|software]", osbox("--tlb", "asid=off,"));
    }

    @Test
    public void aComponentsConfigurationErrorIsOneLineAndStatus2InRunAndShell() throws Exception {
        // past the preflight (a JVM option, as java -jar osbox.jar -D... would be): the MMU component refuses it
        String line = "osbox: osbox.tlb 64x4,: empty item (a stray comma?); syntax [ENTRIES[xWAYS]][,entries=N]"
                + "[,ways=N|full][,asid=on|off][,refill=hardware|software]";
        OsboxCommand.Result run = OsboxCommand.of("run", HELLO).env("OSBOX_JAVA_OPTS", "-Dosbox.tlb=64x4,")
                .timeoutSeconds(60).run();
        assertOneLineError(line, run);
        // the Gogo shell starts on its own thread meanwhile: nothing of its stop may follow the line (it
        // printed "CommandNotFoundException: gosh" and a trace in about 1 run in 3), so a few runs
        for (int i = 0; i < 5; i++) {
            OsboxCommand.Result shell = (i == 0 ? OsboxCommand.of().stdin("osbox:ps\n") : OsboxCommand.of())
                    .env("OSBOX_JAVA_OPTS", "-Dosbox.tlb=64x4,").timeoutSeconds(60).run();
            assertOneLineError(line, shell);
        }
    }

    @Test
    public void outputFilesAreCheckedBeforeTheRun() throws Exception {
        OsboxCommand.Result r = osbox("run", "--report", "/nonexistent/r.json", HELLO);
        assertOneLineError("osbox: --report /nonexistent/r.json: No such file or directory", r);
    }

    @Test
    public void aMissingProgramIsReportedBeforeTheFrameworkBoots() throws Exception {
        // a bad setting the framework would refuse: not reached, the preflight answers first
        OsboxCommand.Result r = OsboxCommand.of("run", "missing.elf").env("OSBOX_JAVA_OPTS", "-Dosbox.tlb=64x4,")
                .timeoutSeconds(60).run();
        assertOneLineError("osbox: missing.elf: No such file or directory", r);
    }

    @Test
    public void usageErrorsAreOneLine() throws Exception {
        assertOneLineError("osbox: unknown option: --fast", osbox("--fast"));
    }

    @Test
    public void helpMentionsTheLabAndTheInstalledPolicies() throws Exception {
        OsboxCommand.Result r = osbox("--help");
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.out(), r.out().contains("osbox lab sched|paging|deadlock|disk"));
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(r.out(), help.contains("round robin): builtin, cfs, fifo, lottery, mlfq, priority, rr, sjf, stcf,"
                + " stride --sched-opt"));
        assertTrue(r.out(), help.contains("FIFO): builtin, aging, clock, eclock, fifo, lfu, lru, mru, opt, random --vm-opt"));
    }

    @Test
    public void theTeachingDistributionsHelpListsItsOwnPolicies() throws Exception {
        Path teaching = OsboxCommand.ROOT.resolve("examples/distributions/teaching");
        boolean built = Files.isRegularFile(teaching.resolve("target/osbox-teaching.jar"));
        if (!built) {
            System.err.println("FrontDoorIT: teaching help skipped, examples/distributions/teaching is not built");
        }
        assumeTrue(built);
        Process p = new ProcessBuilder("/bin/bash", teaching.resolve("osbox-teaching").toString(), "--help")
                .directory(OsboxCommand.ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(90, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(out, 0, p.exitValue());
        assertTrue(out, out.replaceAll("\\s+", " ").contains("round robin): builtin, fifo, mlfq, rr --sched-opt"));
    }

    @Test
    public void verboseLogsWithoutFrameworkNoise() throws Exception {
        OsboxCommand.Result r = osbox("--verbose", "run", HELLO);
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.describe(), r.out().startsWith("Hello from osbox!"));
        assertFalse(r.describe(), r.err().contains("spifly"));
        assertFalse(r.describe(), r.err().contains("INFO: Registered provider"));
    }
}
