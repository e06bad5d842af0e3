package osbox.harness;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * qemu-riscv64 (qemu-user) as the live reference for the example programs'
 * cases: whether it is installed, and one case run under it, RV64GC as
 * osbox is.
 */
final class QemuUser {
    /** RV64GC: I, M, A, F, D and C, as osbox. */
    static final String CPU = "rv64,c=true,f=true,d=true";

    /** What qemu printed on stdout and the status a shell would report (128 + signal when killed). */
    record Run(byte[] stdout, int status) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private QemuUser() {
    }

    /** Whether qemu-riscv64 is on the PATH. */
    static boolean present() {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "qemu-riscv64")));
    }

    /**
     * Skips the calling test, saying so on stdout (so a run without qemu
     * visibly compares against the recordings only), unless qemu-riscv64 is
     * on the PATH. test names the test class.
     */
    static void assumePresent(String test) {
        boolean present = present();
        if (!present) {
            System.out.println("[" + test + "] skipped: qemu-riscv64 not found; compared against the recorded outputs only");
        }
        Assumptions.assumeTrue(present, "qemu-riscv64 not found: live comparison skipped");
    }

    /**
     * Runs dir/PROGRAM.elf as case c does (argv[0] = PROGRAM, its args, its
     * stdin file under dir or /dev/null), stderr discarded; fails if it has
     * not finished after two minutes. The caller checks {@link #present()}.
     */
    static Run run(Path dir, CaseFile.Case c) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("qemu-riscv64", "-cpu", CPU, "-0", c.program(), c.program() + ".elf"));
        cmd.addAll(c.args());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(c.stdin().equals("-") ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                        : ProcessBuilder.Redirect.from(dir.resolve(c.stdin()).toFile()));
        Process q = pb.start();
        byte[] out;
        try (InputStream in = q.getInputStream()) {
            out = in.readAllBytes();
        }
        if (!q.waitFor(2, TimeUnit.MINUTES)) {
            q.destroyForcibly();
            throw new AssertionError("qemu did not finish " + c);
        }
        return new Run(out, q.exitValue());
    }
}
