package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases qemu-user cannot run alike (examples/programs/osbox-cases.tsv):
 * programs that exec others under /host, rely on being pid 1, or hit the
 * process limit. Each runs on a fresh computer with the repository root
 * mounted at /host, as `./osbox run --host-dir ROOT` does.
 */
class OsboxCasesTest {
    static Stream<CaseFile.Case> cases() throws IOException {
        return CaseFile.read("osbox-cases.tsv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesTheExpectedOutput(CaseFile.Case c) throws Exception {
        Computer.Options o = Computer.Options.defaults().withHostDir(Computer.repositoryRoot());
        try (Computer computer = Computer.boot(o)) {
            byte[] image = Files.readAllBytes(CaseFile.DIR.resolve(c.program() + ".elf"));
            Computer.Result r = computer.run(c.program(), image, c.args(), c.input(CaseFile.DIR));
            String expected = Files.readString(CaseFile.DIR.resolve("expected-osbox/" + c.expectedName()));
            assertEquals(expected, r.stdoutText(), "stdout of " + c);
            assertEquals(c.status(), r.shellStatus(), "status of " + c);
        }
    }
}
