package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * examples/programs/files/hostfiles.elf, a static glibc program, opens,
 * stats, reads and lists files of the /host mount and prints what qemu-riscv64
 * prints for the same files (recorded in hostfiles.out).
 */
class HostFilesProgramTest {
    static final Path PROGRAMS = Computer.repositoryRoot().resolve("examples/programs/files");
    static final Path NOTES = BusyboxCases.DIR.resolve("host/notes");

    @Test
    void hostfilesPrintsWhatQemuPrints() throws Exception {
        String expected = Files.readString(PROGRAMS.resolve("hostfiles.out"));
        try (Computer c = Computer.boot(Computer.Options.defaults().withHostDir(BusyboxCases.DIR.resolve("host")))) {
            Computer.Result r = c.run(PROGRAMS.resolve("hostfiles.elf"), List.of("/host/notes", "todo.txt"), new byte[0]);
            assertEquals(expected, r.stdoutText());
            assertEquals(0, r.shellStatus(), "exit status");
        }
    }

    @Test
    void theRecordedOutputIsQemusToday() throws Exception {
        Assumptions.assumeTrue(BusyboxFilesTest.qemuInstalled("HostFilesProgramTest"), "qemu-riscv64 not found");
        Process p = new ProcessBuilder("qemu-riscv64", PROGRAMS.resolve("hostfiles.elf").toString(), NOTES.toString(),
                "todo.txt").redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .directory(new File("/")).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "qemu finishes");
        assertEquals(Files.readString(PROGRAMS.resolve("hostfiles.out")), new String(out, StandardCharsets.UTF_8));
        assertEquals(0, p.exitValue());
    }
}
