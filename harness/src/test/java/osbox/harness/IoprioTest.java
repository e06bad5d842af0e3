package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ioprio_set and ioprio_get (examples/programs/block/ioprio.c) answer as
 * Linux does: osbox prints what qemu-riscv64 printed (expected/ioprio.out,
 * and qemu again where installed), plus the line of the execve'd child
 * (qemu-user cannot execve a riscv64 program without binfmt_misc).
 */
class IoprioTest {
    private static final Path DIR = Computer.repositoryRoot().resolve("examples/programs/block");
    private static final String AFTER = "pgrp get, best of two: 16385 (class 2 level 1)\n";

    @TempDir
    Path host;

    @Test
    void ioprioAnswersAsLinuxAndIsInheritedAndKeptAcrossExecve() throws Exception {
        String recorded = Files.readString(DIR.resolve("expected/ioprio.out"));
        Files.copy(DIR.resolve("ioprio.elf"), host.resolve("ioprio"));
        try (Computer c = Computer.boot(Computer.Options.defaults().withHostDir(host))) {
            Computer.Result r = c.run("/host/ioprio", Files.readAllBytes(DIR.resolve("ioprio.elf")),
                    List.of("/host/ioprio"), new byte[0]);
            assertEquals(0, r.shellStatus());
            assertEquals(recorded.replace(AFTER, AFTER + "after execve: 16385 (class 2 level 1)\n"), r.stdoutText());
        }
    }

    @Test
    void theRecordingIsWhatQemuGivesNow() throws Exception {
        if (!BusyboxFilesTest.qemuInstalled("IoprioTest")) {
            return;
        }
        Process p = new ProcessBuilder("qemu-riscv64", DIR.resolve("ioprio.elf").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(Files.readString(DIR.resolve("expected/ioprio.out")), out);
    }
}
