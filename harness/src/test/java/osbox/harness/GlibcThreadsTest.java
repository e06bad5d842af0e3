package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The glibc thread programs (examples/programs/glibc-threads: a parallel
 * sum, the classic race fixed by a mutex and by atomics, producer and
 * consumer on condition variables, a thread pool, readers and writers in a
 * reader-preferring and a writer-preferring version; static, -pthread, built
 * with Debian's riscv64-linux-gnu-gcc) under osbox on one hart and on two:
 * stdout and status must equal what qemu-riscv64 gave (recorded in
 * glibc-threads/expected/) and, where qemu-riscv64 is installed, what it
 * gives now. The unsynchronised counter loses updates when
 * its threads run in parallel on two harts, and a run on two harts repeats
 * exactly (same output, same trace hash) with the same seed.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GlibcThreadsTest {
    static final ExampleCases EXAMPLES = new ExampleCases("glibc-threads", "GlibcThreadsTest");
    /** Programs whose output depends on the scheduler (no qemu case): they run from workloads (PathfinderTest). */
    static final Set<String> WORKLOAD_ONLY = Set.of("pathfinder");

    static Stream<CaseFile.Case> cases() throws IOException {
        return EXAMPLES.cases();
    }

    // runs one program on a fresh computer with this many harts
    private static Computer.Result run(int harts, String program, List<String> args) throws Exception {
        try (Computer computer = Computer.boot(Computer.Options.defaults().withHarts(harts))) {
            byte[] image = Files.readAllBytes(EXAMPLES.dir.resolve(program + ".elf"));
            return computer.run(program, image, args, null);
        }
    }

    private static void runAndCompare(int harts, CaseFile.Case c) throws Exception {
        EXAMPLES.assertMatchesRecording(run(harts, c.program(), c.args()), c, "expected");
    }

    @Test
    void everyProgramIsBuiltAndHasACaseAndEveryCaseItsRecordedOutput() throws IOException {
        assertEquals(Set.of("pathfinder", "pool", "prodcons", "psum", "race", "rwlock", "sigshared", "workers"),
                EXAMPLES.assertEveryProgramIsBuiltAndHasACase(WORKLOAD_ONLY),
                "the thread programs of issue 11 point 5, workers for the scheduling workloads, point 2's priority "
                + "inversion, shared signal state");
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
        EXAMPLES.qemuGivesTheRecording(c);
    }

    @ParameterizedTest(name = "osbox, two harts, against qemu now: {0}")
    @MethodSource("cases")
    void twoHartsMatchQemuNow(CaseFile.Case c) throws Exception {
        QemuUser.Run q = EXAMPLES.qemuNow(c);
        EXAMPLES.assertSameAs(q, run(2, c.program(), c.args()), c);
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
    void readerPreferenceStarvesTheWritersAndWriterPreferenceTheReaders() throws Exception {
        String readers = run(2, "rwlock", List.of("readers")).stdoutText();
        String writers = run(2, "rwlock", List.of("writers")).stdoutText();
        assertTrue(readers.endsWith("readers waited 0 ticks in all, writers 11\n"),
                "the stream of readers keeps both writers out: " + readers);
        assertTrue(writers.endsWith("readers waited 6 ticks in all, writers 3\n"),
                "waiting writers hold new readers back: " + writers);
        assertTrue(readers.contains("tick  5: inside R5 R6 | waiting W1 W2\n"), readers);
        assertTrue(writers.contains("tick  3: inside W1 | waiting R3 R4 W2\n"), writers);
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
