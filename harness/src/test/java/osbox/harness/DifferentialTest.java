package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    /** One line of cases.tsv. */
    record Case(String program, List<String> args, String stdin, int status) {
        /** The expected/ file name: program[.args_joined][.stdin-stem].out */
        String expectedName() {
            String n = program;
            if (!args.isEmpty()) {
                n += "." + String.join("_", args);
            }
            if (!stdin.equals("-")) {
                String stem = Path.of(stdin).getFileName().toString();
                n += ".stdin-" + (stem.contains(".") ? stem.substring(0, stem.lastIndexOf('.')) : stem);
            }
            return n + ".out";
        }

        @Override
        public String toString() {
            return (program + " " + String.join(" ", args)).trim() + (stdin.equals("-") ? "" : " < " + stdin);
        }
    }

    private static final Path DIR = Computer.repositoryRoot().resolve("examples/programs");
    private static Computer computer;

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            List<String> args = f[1].isBlank() ? List.of() : Arrays.asList(f[1].trim().split(" +"));
            out.add(new Case(f[0], args, f[2], Integer.parseInt(f[3].trim())));
        }
        return out.stream();
    }

    @BeforeAll
    static void boot() throws Exception {
        computer = Computer.boot(Computer.Options.defaults());
    }

    @AfterAll
    static void off() {
        computer.close();
    }

    private static byte[] stdin(Case c) throws IOException {
        return c.stdin().equals("-") ? new byte[0] : Files.readAllBytes(DIR.resolve(c.stdin()));
    }

    @ParameterizedTest(name = "osbox: {0}")
    @MethodSource("cases")
    void osboxMatchesTheRecordedReference(Case c) throws Exception {
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        Computer.Result r = computer.run(c.program(), image, c.args(), stdin(c));
        String expected = Files.readString(DIR.resolve("expected/" + c.expectedName()));
        assertEquals(expected, r.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), r.shellStatus(), "status of " + c + (r.killReport() == null ? "" : ": " + r.killReport()));
    }

    @ParameterizedTest(name = "qemu: {0}")
    @MethodSource("cases")
    void osboxMatchesQemuNow(Case c) throws Exception {
        boolean haveQemu = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "qemu-riscv64")));
        if (!haveQemu) {
            System.out.println("[DifferentialTest] skipped: qemu-riscv64 not found; compared against the recorded outputs only");
        }
        Assumptions.assumeTrue(haveQemu, "qemu-riscv64 not found: live comparison skipped");
        List<String> cmd = new ArrayList<>(List.of("qemu-riscv64", "-cpu", "rv64,c=true,f=false,d=false", "-0",
                c.program(), c.program() + ".elf"));
        cmd.addAll(c.args());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(c.stdin().equals("-") ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                : ProcessBuilder.Redirect.from(DIR.resolve(c.stdin()).toFile()));
        Process q = pb.start();
        byte[] qout;
        try (InputStream in = q.getInputStream()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            qout = b.toByteArray();
        }
        if (!q.waitFor(2, TimeUnit.MINUTES)) {
            q.destroyForcibly();
            throw new AssertionError("qemu did not finish " + c);
        }
        int qstatus = q.exitValue();
        byte[] image = Files.readAllBytes(DIR.resolve(c.program() + ".elf"));
        Computer.Result r = computer.run(c.program(), image, c.args(), stdin(c));
        assertEquals(new String(qout, java.nio.charset.StandardCharsets.UTF_8), r.stdoutText(), "stdout of " + c);
        assertEquals(qstatus, r.shellStatus(), "status of " + c);
    }
}
