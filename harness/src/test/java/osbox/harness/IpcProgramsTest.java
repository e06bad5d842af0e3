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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The IPC example programs of issue 11 (examples/programs/ipc: eventfd,
 * socketpair with fd passing, epoll; static glibc, Debian's
 * riscv64-linux-gnu-gcc) under osbox with the bundles/ipc bundles bound:
 * stdout and status must equal what qemu-riscv64 gave (recorded in
 * ipc/expected/), and where qemu-riscv64 is installed, what it gives now.
 */
class IpcProgramsTest {
    static final Path DIR = CaseFile.DIR.resolve("ipc");
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
    void everyProgramIsBuiltAndHasACaseAndItsRecordedOutput() throws IOException {
        Set<String> sources;
        try (Stream<Path> files = Files.list(DIR)) {
            sources = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c"))
                    .map(n -> n.substring(0, n.lastIndexOf('.'))).collect(Collectors.toCollection(TreeSet::new));
        }
        List<CaseFile.Case> all = CaseFile.read(DIR, "cases.tsv");
        Set<String> covered = all.stream().map(CaseFile.Case::program).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(sources, covered, "every program has a case in cases.tsv");
        for (String program : sources) {
            Path elf = DIR.resolve(program + ".elf");
            assertTrue(Files.isRegularFile(elf), elf + " is committed");
        }
        for (CaseFile.Case c : all) {
            assertTrue(Files.isRegularFile(DIR.resolve("expected").resolve(c.expectedName())), c + ": expected/ output");
        }
    }

    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "osbox: {0}")
    @MethodSource("cases")
    void osboxMatchesTheRecordedReference(CaseFile.Case c) throws Exception {
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        Computer.Result r = computer.run(c.program(), image, c.args(), c.input(DIR));
        String expected = Files.readString(DIR.resolve("expected").resolve(c.expectedName()));
        assertEquals(expected, r.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), r.shellStatus(), "status of " + c + (r.killReport() == null ? "" : ": " + r.killReport()));
    }

    @ParameterizedTest(name = "qemu still gives the recording: {0}")
    @MethodSource("cases")
    void qemuGivesTheRecordedOutput(CaseFile.Case c) throws Exception {
        QemuUser.assumePresent("IpcProgramsTest");
        QemuUser.Run q = QemuUser.run(DIR, c);
        assertEquals(Files.readString(DIR.resolve("expected").resolve(c.expectedName())), q.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), q.status(), "status of " + c);
    }

    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @ParameterizedTest(name = "osbox against qemu now: {0}")
    @MethodSource("cases")
    void osboxMatchesQemuNow(CaseFile.Case c) throws Exception {
        QemuUser.assumePresent("IpcProgramsTest");
        QemuUser.Run q = QemuUser.run(DIR, c);
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        Computer.Result r = computer.run(c.program(), image, c.args(), c.input(DIR));
        assertEquals(q.stdoutText(), r.stdoutText(), "stdout of " + c);
        assertEquals(q.status(), r.shellStatus(), "status of " + c);
    }
}
