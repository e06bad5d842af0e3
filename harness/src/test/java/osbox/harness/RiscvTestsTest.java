package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official riscv-tests ISA suites (rv64ui, um, ua, uc, uf, ud), built
 * for user mode by scripts/riscv-tests, each run on one in-process
 * machine: every test must exit 0 (a failing test exits with its test
 * number and says which on stderr). The suite is third-party and not in
 * the repository, and building it needs the RISC-V toolchain, so this
 * runs only where it has been built: the directory in the system property
 * osbox.riscvTests, else $OSBOX_RISCV_TESTS, else
 * ~/.cache/osbox/riscv-tests/build (the script's default); otherwise it
 * skips with a message saying how to build it.
 */
class RiscvTestsTest {
    // the script's output names: SUITE-TEST, e.g. rv64ui-add
    private static final Pattern TEST_NAME = Pattern.compile("rv64u[a-z]+-[a-z0-9_]+");
    private static final List<String> SUITES = List.of("rv64ui", "rv64um", "rv64ua", "rv64uc", "rv64uf", "rv64ud");
    private static Computer computer;

    @BeforeAll
    static void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    @AfterAll
    static void off() {
        computer.close();
    }

    /** Where the built suite is, by property, environment or the script's default cache. */
    static Path buildDirectory() {
        String p = System.getProperty("osbox.riscvTests");
        if (p == null || p.isEmpty()) {
            p = System.getenv("OSBOX_RISCV_TESTS");
        }
        if (p == null || p.isEmpty()) {
            return Path.of(System.getProperty("user.home"), ".cache/osbox/riscv-tests/build");
        }
        return Path.of(p);
    }

    @TestFactory
    Stream<DynamicTest> everyBuiltTestExitsZero() throws IOException {
        Path dir = buildDirectory();
        List<Path> tests = List.of();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                tests = files.filter(f -> Files.isRegularFile(f) && TEST_NAME.matcher(f.getFileName().toString()).matches())
                        .sorted().toList();
            }
        }
        if (tests.isEmpty()) {
            System.out.println("[RiscvTestsTest] skipped: no riscv-tests built in " + dir
                    + "; build them with scripts/riscv-tests --build-only (needs riscv64-unknown-elf-gcc)");
        }
        Assumptions.assumeFalse(tests.isEmpty(), "riscv-tests not built in " + dir);
        for (String suite : SUITES) {
            assertTrue(tests.stream().anyMatch(t -> t.getFileName().toString().startsWith(suite + "-")),
                    "suite " + suite + " missing from " + dir + ": rebuild with scripts/riscv-tests --build-only");
        }
        return tests.stream().map(elf -> DynamicTest.dynamicTest(elf.getFileName().toString(), () -> {
            Computer.Result r = computer.run(elf, List.of(), null);
            assertEquals(0, r.shellStatus(), elf.getFileName() + ": " + r.stdoutText().strip()
                    + (r.killReport() == null ? "" : " " + r.killReport()));
        }));
    }
}
