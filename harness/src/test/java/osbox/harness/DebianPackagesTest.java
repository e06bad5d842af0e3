package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/debian-riscv64 fetches Debian's busybox-static for riscv64 into
 * the default cache (so CI reuses it), and osbox's ELF loader accepts the
 * program. Running it needs the F and D extensions, so this test only loads.
 */
class DebianPackagesTest {
    private static final int EM_RISCV = 243;
    private static final int ET_EXEC = 2;
    private static final int PT_INTERP = 3;

    /**
     * Runs the script for one package and returns the extracted tree; fails
     * with the script's own message when it cannot get the package.
     */
    static Path fetchPackage(String name) throws IOException, InterruptedException {
        Path script = Computer.repositoryRoot().resolve("scripts/debian-riscv64");
        Process p = new ProcessBuilder("bash", script.toString(), name)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // the script writes a line or two to stderr at most, so reading it after
        // stdout cannot block the script
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("scripts/debian-riscv64 " + name + " did not finish in 10 minutes");
        }
        String stdout = new String(out, StandardCharsets.UTF_8).strip();
        String stderr = new String(err, StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            fail("scripts/debian-riscv64 " + name + " exited " + p.exitValue() + ": " + stderr);
        }
        assertEquals(1, stdout.lines().count(), "one tree per package: " + stdout);
        Path tree = Path.of(stdout);
        assertTrue(Files.isDirectory(tree), "the printed tree exists: " + tree);
        return tree;
    }

    @Test
    void busyboxStaticIsAStaticRiscvProgramThatOsboxLoads() throws Exception {
        Path busybox = fetchPackage("busybox-static").resolve("usr/bin/busybox");
        assertTrue(Files.isRegularFile(busybox), "busybox-static ships usr/bin/busybox: " + busybox);
        byte[] image = Files.readAllBytes(busybox);

        ByteBuffer elf = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x464c457f, elf.getInt(0), "ELF magic");
        assertEquals(2, elf.get(4), "ELFCLASS64");
        assertEquals(1, elf.get(5), "little-endian");
        assertEquals(ET_EXEC, elf.getShort(16), "e_type ET_EXEC (static, not PIE)");
        assertEquals(EM_RISCV, elf.getShort(18), "e_machine EM_RISCV");
        long phoff = elf.getLong(32);
        int phentsize = elf.getShort(54) & 0xffff;
        int phnum = elf.getShort(56) & 0xffff;
        assertTrue(phnum > 0 && phoff + (long) phnum * phentsize <= image.length, "program headers inside the file");
        for (int i = 0; i < phnum; i++) {
            int type = elf.getInt((int) (phoff + (long) i * phentsize));
            assertTrue(type != PT_INTERP, "statically linked: no PT_INTERP (header " + i + ")");
        }

        try (Computer computer = Computer.boot(Computer.Options.defaults())) {
            assertNull(computer.refusal(image), "osbox's ELF loader accepts Debian's busybox");
        }
    }

    @Test
    void aSecondCallUsesTheCacheWithoutTheNetwork() throws Exception {
        Path first = fetchPackage("busybox-static");
        // an unreachable mirror: only the cache can answer
        Path script = Computer.repositoryRoot().resolve("scripts/debian-riscv64");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "busybox-static");
        pb.environment().put("OSBOX_DEBIAN_MIRROR", "http://127.0.0.1:9");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES), "the cached call finishes");
        assertEquals(0, p.exitValue(), output);
        assertEquals(List.of(first.toString()), output.lines().toList());
    }
}
