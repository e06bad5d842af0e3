package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The System V IPC example programs (examples/programs/glibc-ipc: message
 * queue client and server, semaphores between processes, a shared-memory
 * client and server and the shm calls' errors; static glibc, built with
 * Debian's riscv64-linux-gnu-gcc) under osbox, with the bundles of
 * bundles/ipc bound as the distribution binds them: stdout and status must
 * equal what qemu-riscv64 gave (recorded in glibc-ipc/expected/), and where
 * qemu-riscv64 is installed, what it gives now.
 */
class SysvIpcProgramsTest {
    static final Path DIR = CaseFile.DIR.resolve("glibc-ipc");
    private static Computer computer;

    static Stream<CaseFile.Case> cases() throws IOException {
        return CaseFile.read(DIR, "cases.tsv").stream();
    }

    @BeforeAll
    static void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    @AfterAll
    static void off() {
        computer.close();
    }

    @Test
    void everyProgramIsBuiltAndHasACaseWithItsRecordedOutput() throws IOException {
        Set<String> sources;
        try (Stream<Path> files = Files.list(DIR)) {
            sources = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c"))
                    .map(n -> n.substring(0, n.length() - 2)).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> covered = cases().map(CaseFile.Case::program).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(sources, covered, "every program has a case in cases.tsv");
        for (CaseFile.Case c : cases().toList()) {
            assertTrue(Files.isRegularFile(DIR.resolve(c.program() + ".elf")), c + ": the .elf is committed");
            assertTrue(Files.isRegularFile(DIR.resolve("expected").resolve(c.expectedName())), c + ": expected/");
        }
    }

    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "osbox: {0}")
    @MethodSource("cases")
    void osboxMatchesTheRecordedReference(CaseFile.Case c) throws Exception {
        Computer.Result r = run(c);
        assertEquals(Files.readString(DIR.resolve("expected").resolve(c.expectedName())), r.stdoutText(),
                "stdout of " + c);
        assertEquals(c.status(), r.shellStatus(), "status of " + c + (r.killReport() == null ? "" : ": " + r.killReport()));
    }

    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "qemu: {0}")
    @MethodSource("cases")
    void osboxMatchesQemuNow(CaseFile.Case c) throws Exception {
        Assumptions.assumeTrue(QemuUser.present(), "qemu-riscv64 not found: live comparison skipped");
        QemuUser.Run q = QemuUser.run(DIR, c);
        Computer.Result r = run(c);
        assertEquals(q.stdoutText(), r.stdoutText(), "stdout of " + c);
        assertEquals(q.status(), r.shellStatus(), "status of " + c);
    }

    /** The shared-memory client and server (shmring) on two harts: the same output as on one. */
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "osbox, two harts: {0}")
    @MethodSource("sharedMemoryCases")
    void sharedMemoryProgramsMatchOnTwoHarts(CaseFile.Case c) throws Exception {
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        try (Computer two = Computer.boot(Computer.Options.defaults().withHarts(2))) {
            Computer.Result r = two.run(c.program(), image, c.args(), c.input(DIR));
            assertEquals(Files.readString(DIR.resolve("expected").resolve(c.expectedName())), r.stdoutText(),
                    "stdout of " + c + " on two harts");
            assertEquals(c.status(), r.shellStatus(), "status of " + c + " on two harts");
        }
    }

    static Stream<CaseFile.Case> sharedMemoryCases() throws IOException {
        return cases().filter(c -> c.program().equals("shmring"));
    }

    private static Computer.Result run(CaseFile.Case c) throws Exception {
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        return computer.run(c.program(), image, c.args(), c.input(DIR));
    }
}
