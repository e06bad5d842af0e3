package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example programs' cases (examples/programs/cases.tsv) under osbox:
 * stdout must equal what qemu-riscv64 printed (recorded in expected/) and
 * the status what a shell reported. Where qemu-riscv64 is installed, each
 * case also runs under qemu now and the two are compared directly.
 */
class DifferentialTest {
    private static final Path DIR = CaseFile.DIR;
    private static Computer computer;

    static Stream<CaseFile.Case> cases() throws IOException {
        return CaseFile.read("cases.tsv").stream();
    }

    @BeforeAll
    static void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    @AfterAll
    static void off() {
        computer.close();
    }

    private static byte[] stdin(CaseFile.Case c) throws IOException {
        return c.input(DIR);
    }

    @ParameterizedTest(name = "osbox: {0}")
    @MethodSource("cases")
    void osboxMatchesTheRecordedReference(CaseFile.Case c) throws Exception {
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        Computer.Result r = computer.run(c.program(), image, c.args(), stdin(c));
        String expected = Files.readString(DIR.resolve("expected/" + c.expectedName()));
        assertEquals(expected, r.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), r.shellStatus(), "status of " + c + (r.killReport() == null ? "" : ": " + r.killReport()));
    }

    @ParameterizedTest(name = "qemu: {0}")
    @MethodSource("cases")
    void osboxMatchesQemuNow(CaseFile.Case c) throws Exception {
        boolean haveQemu = QemuUser.present();
        if (!haveQemu) {
            System.out.println("[DifferentialTest] skipped: qemu-riscv64 not found; compared against the recorded outputs only");
        }
        Assumptions.assumeTrue(haveQemu, "qemu-riscv64 not found: live comparison skipped");
        QemuUser.Run q = QemuUser.run(DIR, c);
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        Computer.Result r = computer.run(c.program(), image, c.args(), stdin(c));
        assertEquals(q.stdoutText(), r.stdoutText(), "stdout of " + c);
        assertEquals(q.status(), r.shellStatus(), "status of " + c);
    }
}
