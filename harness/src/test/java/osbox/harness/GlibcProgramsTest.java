package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The glibc example programs (examples/programs/glibc: printf of floating
 * point, libm, setjmp/longjmp, signal handlers, C++ exceptions and
 * iostreams; static, built with Debian's riscv64-linux-gnu-gcc) under
 * osbox: stdout and status must equal what qemu-riscv64 gave (recorded in
 * glibc/expected/), and where qemu-riscv64 is installed, what it gives now.
 * The cases of programs that need signal handlers run under qemu only
 * until issue 10 point 2 is merged; their osbox tests are disabled.
 */
class GlibcProgramsTest {
    static final ExampleCases EXAMPLES = new ExampleCases("glibc", "GlibcProgramsTest");
    static final Path DIR = EXAMPLES.dir;
    // programs that need rt_sigaction, rt_sigprocmask, sigaltstack, rt_sigreturn, setitimer...
    private static final Set<String> NEEDS_SIGNAL_HANDLERS = Set.of("sigtorture");
    private static Computer computer;

    /** The cases osbox runs today. */
    static Stream<CaseFile.Case> cases() throws IOException {
        return CaseFile.read(DIR, "cases.tsv").stream().filter(c -> !NEEDS_SIGNAL_HANDLERS.contains(c.program()));
    }

    /** The cases that wait for signal handlers. */
    static Stream<CaseFile.Case> signalCases() throws IOException {
        return CaseFile.read(DIR, "cases.tsv").stream().filter(c -> NEEDS_SIGNAL_HANDLERS.contains(c.program()));
    }

    /** The cases checked against Linux's output instead of qemu's (glibc/osbox-cases.tsv). */
    static Stream<CaseFile.Case> linuxCases() throws IOException {
        return CaseFile.read(DIR, "osbox-cases.tsv").stream();
    }

    @BeforeAll
    static void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    @AfterAll
    static void off() {
        computer.close();
    }

    // runs the case under osbox and compares it with the expected file under dir
    private static void runAndCompare(CaseFile.Case c, String expectedDir) throws Exception {
        EXAMPLES.assertMatchesRecording(EXAMPLES.run(computer, c), c, expectedDir);
    }

    @Test
    void everyProgramIsBuiltAndHasACaseAndEveryCaseItsRecordedOutput() throws IOException {
        assertEquals(Set.of("cxx", "fprintf", "jmp", "libm", "sigtorture", "timers"),
                EXAMPLES.assertEveryProgramIsBuiltAndHasACase(),
                "the programs of issue 10 point 7, and timers (CPU-time itimers, sleeps across a stop)");
        for (CaseFile.Case c : linuxCases().toList()) {
            assertTrue(Files.isRegularFile(DIR.resolve("expected-osbox").resolve(c.expectedName())), c + ": expected-osbox/");
        }
    }

    @ParameterizedTest(name = "osbox: {0}")
    @MethodSource("cases")
    void osboxMatchesTheRecordedReference(CaseFile.Case c) throws Exception {
        runAndCompare(c, "expected");
    }

    @ParameterizedTest(name = "qemu: {0}")
    @MethodSource("cases")
    void osboxMatchesQemuNow(CaseFile.Case c) throws Exception {
        EXAMPLES.osboxMatchesQemuNow(computer, c);
    }

    @ParameterizedTest(name = "qemu still gives the recording: {0}")
    @MethodSource("signalCases")
    void qemuGivesTheRecordedOutputOfTheSignalCases(CaseFile.Case c) throws Exception {
        EXAMPLES.qemuGivesTheRecording(c);
    }

    // a signal that never comes (SIGCHLD, SIGALRM) leaves sigsuspend waiting: fail, do not hang
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "osbox: {0}")
    @MethodSource("signalCases")
    void osboxRunsTheSignalCasesAsQemuDid(CaseFile.Case c) throws Exception {
        runAndCompare(c, "expected");
    }

    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "osbox, as Linux: {0}")
    @MethodSource("linuxCases")
    void osboxRunsTheSaMaskCaseAsLinuxDoes(CaseFile.Case c) throws Exception {
        runAndCompare(c, "expected-osbox");
    }
}
