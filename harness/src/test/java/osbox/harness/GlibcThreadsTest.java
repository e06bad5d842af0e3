package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The glibc thread programs (examples/programs/glibc-threads: a parallel
 * sum, the classic race fixed by a mutex and by atomics, producer and
 * consumer on condition variables, a thread pool; static, -pthread, built
 * with Debian's riscv64-linux-gnu-gcc) under osbox on one hart and on two:
 * stdout and status must equal what qemu-riscv64 gave (recorded in
 * glibc-threads/expected/). The unsynchronised counter loses updates when
 * its threads run in parallel on two harts, and a run on two harts repeats
 * exactly (same output, same trace hash) with the same seed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GlibcThreadsTest {
    static final Path DIR = CaseFile.DIR.resolve("glibc-threads");
    /** Programs whose output depends on the scheduler (no qemu case): they run from workloads (PathfinderTest). */
    static final Set<String> WORKLOAD_ONLY = Set.of("pathfinder");

    static Stream<CaseFile.Case> cases() throws IOException {
        return CaseFile.read(DIR, "cases.tsv").stream();
    }

    // runs one program on a fresh computer with this many harts
    private static Computer.Result run(int harts, String program, List<String> args) throws Exception {
        try (Computer computer = Computer.boot(Computer.Options.defaults().withHarts(harts))) {
            byte[] image = Files.readAllBytes(DIR.resolve(program + ".elf"));
            return computer.run(program, image, args, null);
        }
    }

    private static void runAndCompare(int harts, CaseFile.Case c) throws Exception {
        Computer.Result r = run(harts, c.program(), c.args());
        String expected = Files.readString(DIR.resolve("expected").resolve(c.expectedName()));
        assertEquals(expected, r.stdoutText(), "stdout of " + c + " on " + harts + " harts");
        assertEquals(c.status(), r.shellStatus(), "status of " + c + (r.killReport() == null ? "" : ": " + r.killReport()));
    }

    @Test
    void everyProgramIsBuiltAndHasACaseAndEveryCaseItsRecordedOutput() throws IOException {
        Set<String> sources;
        try (Stream<Path> files = Files.list(DIR)) {
            sources = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c"))
                    .map(n -> n.substring(0, n.lastIndexOf('.'))).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(Set.of("pathfinder", "pool", "prodcons", "psum", "race", "sigshared"), sources,
                "the thread programs of issue 11 point 5, point 2's priority inversion, shared signal state");
        List<CaseFile.Case> all = CaseFile.read(DIR, "cases.tsv");
        Set<String> covered = all.stream().map(CaseFile.Case::program).collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(WORKLOAD_ONLY);
        assertEquals(sources, covered, "every program has a case in cases.tsv");
        for (String program : sources) {
            Path elf = DIR.resolve(program + ".elf");
            assertTrue(Files.isRegularFile(elf), elf + " is committed");
            assertTrue(Files.size(elf) < 2_000_000, elf + " stays under 2 MB (stripped): " + Files.size(elf));
        }
        for (CaseFile.Case c : all) {
            assertTrue(Files.isRegularFile(DIR.resolve("expected").resolve(c.expectedName())), c + ": expected/ output");
        }
    }

    @ParameterizedTest(name = "osbox, one hart: {0}")
    @MethodSource("cases")
    void oneHartMatchesTheRecordedReference(CaseFile.Case c) throws Exception {
        runAndCompare(1, c);
    }

    @ParameterizedTest(name = "osbox, two harts: {0}")
    @MethodSource("cases")
    void twoHartsMatchTheRecordedReference(CaseFile.Case c) throws Exception {
        runAndCompare(2, c);
    }

    @ParameterizedTest(name = "qemu: {0}")
    @MethodSource("cases")
    void qemuStillGivesTheRecording(CaseFile.Case c) throws Exception {
        Assumptions.assumeTrue(QemuUser.present(), "qemu-riscv64 not found: live comparison skipped");
        QemuUser.Run q = QemuUser.run(DIR, c);
        assertEquals(Files.readString(DIR.resolve("expected").resolve(c.expectedName())), q.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), q.status(), "status of " + c);
    }

    @Test
    void theUnsynchronisedCounterLosesUpdatesOnTwoHartsAndTheRunRepeatsExactly() throws Exception {
        Computer.Result first = run(2, "race", List.of("racy"));
        assertTrue(first.stdoutText().startsWith("racy: lost updates"), "threads in parallel: " + first.stdoutText());
        assertEquals(0, first.shellStatus());
        Computer.Result again = run(2, "race", List.of("racy"));
        assertEquals(first.stdoutText(), again.stdoutText(), "the same seed, the same interleaving");
        assertEquals(first.traceHash(), again.traceHash(), "the same trace");
    }

    @Test
    void aParallelRunOnTwoHartsIsDeterministic() throws Exception {
        Computer.Result first = run(2, "prodcons", List.of());
        Computer.Result again = run(2, "prodcons", List.of());
        assertEquals(0, first.shellStatus(), first.stdoutText());
        assertEquals(first.traceHash(), again.traceHash(), "same inputs and seed, same trace hash");
        assertEquals(first.traceEvents(), again.traceEvents());
        assertEquals(first.cpuCycles(), again.cpuCycles());
    }
}
