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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
    static final Path DIR = CaseFile.DIR.resolve("glibc");
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
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        Computer.Result r = computer.run(c.program(), image, c.args(), c.input(DIR));
        String expected = Files.readString(DIR.resolve(expectedDir).resolve(c.expectedName()));
        assertEquals(expected, r.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), r.shellStatus(), "status of " + c + (r.killReport() == null ? "" : ": " + r.killReport()));
    }

    // skips, with a line on stdout saying so, when qemu-riscv64 is not installed
    private static void assumeQemu() {
        if (!QemuUser.present()) {
            System.out.println("[GlibcProgramsTest] skipped: qemu-riscv64 not found; compared against the recorded outputs only");
        }
        Assumptions.assumeTrue(QemuUser.present(), "qemu-riscv64 not found: live comparison skipped");
    }

    @Test
    void everyProgramIsBuiltAndHasACaseAndEveryCaseItsRecordedOutput() throws IOException {
        Set<String> sources;
        try (Stream<Path> files = Files.list(DIR)) {
            sources = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c") || n.endsWith(".cc"))
                    .map(n -> n.substring(0, n.lastIndexOf('.'))).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(Set.of("cxx", "fprintf", "jmp", "libm", "sigtorture", "timers"), sources,
                "the programs of issue 10 point 7, and timers (CPU-time itimers, sleeps across a stop)");
        List<CaseFile.Case> all = CaseFile.read(DIR, "cases.tsv");
        Set<String> covered = all.stream().map(CaseFile.Case::program).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(sources, covered, "every program has a case in cases.tsv");
        for (String program : sources) {
            Path elf = DIR.resolve(program + ".elf");
            assertTrue(Files.isRegularFile(elf), elf + " is committed");
            assertTrue(Files.size(elf) < 2_000_000, elf + " stays under 2 MB (stripped): " + Files.size(elf));
        }
        for (CaseFile.Case c : all) {
            assertTrue(Files.isRegularFile(DIR.resolve("expected").resolve(c.expectedName())), c + ": expected/ output");
        }
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
        assumeQemu();
        QemuUser.Run q = QemuUser.run(DIR, c);
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        Computer.Result r = computer.run(c.program(), image, c.args(), c.input(DIR));
        assertEquals(q.stdoutText(), r.stdoutText(), "stdout of " + c);
        assertEquals(q.status(), r.shellStatus(), "status of " + c);
    }

    @ParameterizedTest(name = "qemu still gives the recording: {0}")
    @MethodSource("signalCases")
    void qemuGivesTheRecordedOutputOfTheSignalCases(CaseFile.Case c) throws Exception {
        assumeQemu();
        QemuUser.Run q = QemuUser.run(DIR, c);
        assertEquals(Files.readString(DIR.resolve("expected").resolve(c.expectedName())), q.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), q.status(), "status of " + c);
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
