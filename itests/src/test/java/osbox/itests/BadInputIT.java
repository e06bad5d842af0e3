package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * The bad-input suite through the real {@code osbox} script (docs/bad-input.md):
 * a sample of the ELF fuzzer's mutants ends as it did in-process, and one
 * case each of the option matrix, the workload files and the labs is one
 * line and exit 2. The bulk of each runs in-process: ElfFuzzTest and
 * LabBadInputTest (harness), OptionMatrixTest (launcher),
 * WorkloadBadInputTest (workload).
 */
public class BadInputIT {

    private static final Path ROOT = OsboxCommand.ROOT;
    private static final String HELLO = "examples/programs/hello.elf";

    /** Java exception text: a class named *Exception or *Error, or a stack frame. */
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9_$]*(Exception|Error)\\b|\\bat [a-z][\\w$]*(\\.[\\w$<>]+)+\\(");

    private static OsboxCommand.Result osbox(String... args) throws Exception {
        OsboxCommand.Result r = OsboxCommand.of(args).timeoutSeconds(120).run();
        assertFalse("no Java exception text: " + r.describe(), JAVA_EXCEPTION.matcher(r.out() + r.err()).find());
        return r;
    }

    // Exit 2 and stderr's first line: "osbox: " and what it must contain.
    private static String assertUsageError(OsboxCommand.Result r, String contains) {
        assertEquals(r.describe(), 2, r.status());
        String first = r.err().strip().split("\n")[0];
        assertTrue(r.describe(), first.startsWith("osbox: ") || first.startsWith("lab "));
        assertTrue(r.describe(), first.contains(contains));
        return first;
    }

    // Exit 2 and exactly one line on stderr containing `contains`.
    private static void assertOneLineError(OsboxCommand.Result r, String contains) {
        assertUsageError(r, contains);
        assertEquals("one line: " + r.describe(), 1, r.err().strip().split("\n").length);
    }

    /**
     * The mutants ElfFuzzTest wrote to harness/target/fuzz-sample (a few of
     * each: refused, exited, signalled) end the same through the script:
     * the same one-line refusal and exit 2, the same status, the same signal.
     */
    @Test
    public void fuzzedElfFilesEndAsTheyDidInProcess() throws Exception {
        Path sample = ROOT.resolve("harness/target/fuzz-sample");
        List<Path> expected = List.of();
        if (Files.isDirectory(sample)) {
            try (Stream<Path> files = Files.list(sample)) {
                expected = files.filter(p -> p.toString().endsWith(".expected")).sorted().toList();
            }
        }
        if (expected.isEmpty()) {
            System.err.println("BadInputIT: skipped, no mutants in " + sample + " (ElfFuzzTest writes them)");
        }
        assumeTrue(!expected.isEmpty());
        int limit = Integer.getInteger("fuzz.it.count", 10);
        for (Path file : expected.subList(0, Math.min(limit, expected.size()))) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String elf = file.toString().replaceFirst("\\.expected$", ".elf");
            OsboxCommand.Result r = osbox("run", elf);
            String what = file.getFileName() + " (" + lines + "): " + r.describe();
            switch (lines.get(0)) {
                case "REFUSED" -> {
                    assertEquals(what, 2, r.status());
                    assertEquals(what, "osbox: " + elf + ": " + lines.get(1), r.err().strip());
                }
                case "SIGNALLED" -> {
                    assertEquals(what, Integer.parseInt(lines.get(1)), r.status());
                    assertTrue(what, r.err().contains("killed by SIG"));
                }
                default -> assertEquals(what, Integer.parseInt(lines.get(1)), r.status());
            }
        }
    }

    @Test
    public void badOptionsAreAUsageErrorBeforeAnythingRuns() throws Exception {
        assertOneLineError(osbox("run", "--mem", "12X", HELLO), "--mem 12X");
        assertOneLineError(osbox("run", "--sched", "nope", HELLO), "nope");
        assertUsageError(osbox("run", "--frobnicate", HELLO), "--frobnicate");
        assertUsageError(osbox("run", "--tlb", "64x3", HELLO), "--tlb");
    }

    @Test
    public void goodOptionsRunAndOptionsAfterTheProgramAreItsOwn() throws Exception {
        OsboxCommand.Result r = osbox("run", "--mem", "16M", "--swap", "16M", "--tlb", "64x4", "--sched", "rr",
                "--sched-opt", "quantum=5000", "--vm-policy", "lru", HELLO, "--mem", "12X", "--frobnicate");
        assertEquals(r.describe(), 0, r.status());
        assertTrue(r.describe(), r.out().contains("12X") && r.out().contains("--frobnicate"));
    }

    @Test
    public void badWorkloadFilesAreOneLineAndStatus2() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "bad-input").toAbsolutePath());
        Path negative = dir.resolve("negative.yaml");
        Files.writeString(negative, "processes: [{program: " + ROOT.resolve(HELLO) + ", arrival: -1ms}]\n");
        assertOneLineError(osbox("run", negative.toString()), negative + ": processes[0].arrival");
        Path junk = dir.resolve("junk.yaml");
        byte[] bytes = new byte[512];
        new Random(9).nextBytes(bytes);
        Files.write(junk, bytes);
        assertOneLineError(osbox("run", junk.toString()), junk.toString());
    }

    @Test
    public void badLabArgumentsAreOneLineAndStatus2() throws IOException, Exception {
        // without the tools jar the script would build it (mvn install): not from a test
        boolean built = Files.isRegularFile(ROOT.resolve("harness/target/osbox-tools.jar"));
        if (!built) {
            System.err.println("BadInputIT: skipped, harness/target/osbox-tools.jar is not built");
        }
        assumeTrue(built);
        assertOneLineError(osbox("lab", "sched", "--policy", "rr", "--jobs", "abc"), "abc");
        assertOneLineError(osbox("lab", "paging", "--policy", "lru", "--addresses", "1,2", "--frames", "0"),
                "--frames");
    }
}
