package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's busybox-static reads, lists and stats files on the read-only
 * /host mount as it does under qemu-riscv64: cat, head, tail, wc, ls, sort,
 * sha256sum, od, grep and test, run as {@code busybox APPLET ARGS} (no
 * shell), with the recorded qemu output (stdout and stderr together) and
 * exit status of each case in resources/busybox-files.
 */
class BusyboxFilesTest {
    static final Path DIR = Computer.repositoryRoot().resolve("harness/src/test/resources/busybox-files");

    /** One case: a name and busybox's arguments (the applet first). */
    record Case(String name, List<String> args) {
        byte[] output() throws IOException {
            return Files.readAllBytes(DIR.resolve("expected/" + name + ".out"));
        }

        int status() throws IOException {
            return Integer.parseInt(Files.readString(DIR.resolve("expected/" + name + ".status")).strip());
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(line.strip().split("\\s+"));
            out.add(new Case(words.get(0), words.subList(1, words.size())));
        }
        return out;
    }

    /** Whether qemu-riscv64 is on PATH; says so on stdout when it is not (the re-check is skipped). */
    static boolean qemuInstalled(String test) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "qemu-riscv64")));
        if (!found) {
            System.out.println("[" + test + "] skipped: qemu-riscv64 not found; the recorded outputs are not re-checked");
        }
        return found;
    }

    private static Path busybox() throws Exception {
        return DebianPackagesTest.fetchPackage("busybox-static").resolve("usr/bin/busybox");
    }

    @Test
    void busyboxOnHostFilesGivesQemusOutputs() throws Exception {
        byte[] image = Files.readAllBytes(busybox());
        List<Case> cases = cases();
        assertTrue(cases.size() >= 20, "cases: " + cases.size());
        List<String> wrong = new ArrayList<>();
        try (Computer c = Computer.boot(Computer.Options.defaults().withHostDir(BusyboxCases.DIR.resolve("host")))) {
            for (Case k : cases) {
                Computer.Result r = c.run("/host/busybox", image, k.args(), new byte[0]);
                String expected = new String(k.output(), StandardCharsets.UTF_8);
                if (!expected.equals(r.stdoutText()) || r.shellStatus() != k.status()) {
                    wrong.add(k.name() + ": status " + r.shellStatus() + " (qemu " + k.status() + "), output\n"
                            + r.stdoutText() + "--- qemu:\n" + expected);
                }
            }
        }
        assertEquals(List.of(), wrong, "cases where osbox differs from qemu");
    }

    @Test
    void theRecordedOutputsAreQemusToday(@TempDir Path root) throws Exception {
        Assumptions.assumeTrue(qemuInstalled("BusyboxFilesTest"), "qemu-riscv64 not found");
        Path busybox = busybox();
        // qemu -L looks absolute paths up under root first: root/host is /host
        Files.createSymbolicLink(root.resolve("host"), BusyboxCases.DIR.resolve("host"));
        for (Case k : cases()) {
            List<String> command = new ArrayList<>(List.of("qemu-riscv64", "-L", root.toString(), busybox.toString()));
            command.addAll(k.args());
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).directory(new File("/"));
            pb.environment().clear();
            pb.environment().put("PATH", "/bin");
            pb.environment().put("HOME", "/");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(1, TimeUnit.MINUTES), k.name() + " finishes under qemu");
            assertEquals(new String(k.output(), StandardCharsets.UTF_8), new String(out, StandardCharsets.UTF_8),
                    k.name() + ": qemu's output");
            assertEquals(k.status(), p.exitValue(), k.name() + ": qemu's status");
        }
    }
}
