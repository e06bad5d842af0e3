package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10, point 6: Debian's busybox-static (riscv64, fetched through
 * scripts/debian-riscv64, so it runs in CI) gives under osbox the output and
 * exit status that qemu-riscv64 gave on the same binary for every case of
 * harness/src/test/resources/busybox/cases.txt (recorded in expected/ by
 * scripts/record-busybox-reference; BusyboxReferenceTest checks the
 * recordings against a live qemu).
 *
 * <p>Each case runs on a freshly booted computer as
 * {@code busybox sh -c SCRIPT} with empty stdin, the working directory
 * {@code /} and the cases' host/ directory as {@code /host}, as the
 * recording did. osbox's console carries stdout and stderr on one stream
 * (as a terminal does), so a case's output must be the recorded stdout with
 * the recorded stderr lines interleaved: removing each recorded stderr line
 * once from osbox's output leaves exactly the recorded stdout.
 */
class BusyboxOsboxTest {
    private static Path busybox;
    private static byte[] image;

    @BeforeAll
    static void fetch() throws Exception {
        busybox = DebianPackagesTest.fetchPackage("busybox-static").resolve("usr/bin/busybox");
        image = Files.readAllBytes(busybox);
    }

    static List<BusyboxCases.Case> cases() throws IOException {
        return BusyboxCases.read();
    }

    @ParameterizedTest(name = "busybox under osbox: {0}")
    @MethodSource("cases")
    void osboxGivesWhatQemuGave(BusyboxCases.Case c) throws Exception {
        Computer.Result r;
        try (Computer computer = Computer.boot(Computer.Options.defaults().withHostDir(BusyboxCases.DIR.resolve("host")))) {
            r = computer.run(busybox.toString(), image, List.of("sh", "-c", c.script()), new byte[0]);
        }
        String output = r.stdoutText();
        String stdout = new String(c.stdout(), StandardCharsets.UTF_8);
        String stderr = new String(c.stderr(), StandardCharsets.UTF_8);
        String context = c + ": osbox printed\n" + output + (r.killReport() == null ? "" : "\n(" + r.killReport() + ")");
        assertEquals(stdout, withoutLines(output, stderr, context), "stdout of " + context);
        assertEquals(c.status(), r.shellStatus(), "exit status of " + context);
    }

    /**
     * output with each line of lines removed once (the first occurrence of
     * the whole line); fails when one of them is not there.
     */
    private static String withoutLines(String output, String lines, String context) {
        List<String> rest = new ArrayList<>(output.lines().toList());
        for (String line : lines.lines().toList()) {
            assertTrue(rest.remove(line), "stderr line '" + line + "' missing in " + context);
        }
        if (rest.isEmpty()) {
            return "";
        }
        // the output's own final newline (or its absence) is kept
        return String.join("\n", rest) + (output.endsWith("\n") ? "\n" : "");
    }
}
