package osbox.kernel.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ExecFormatException;
import osbox.api.kernel.ExecImage;
import osbox.api.kernel.ExecImage.LoadSegment;

/** Parses the repository's example programs (examples/programs), when they are there. */
class ExampleProgramsTest {
    private final ElfFormat elf = new ElfFormat();

    /** What osbox says about each file in examples/programs/bad. */
    private static final Map<String, String> BAD = Map.of(
            "empty.elf", "empty file",
            "not-elf.txt", "not an ELF file (bad magic number)",
            "rv32.elf", "32-bit ELF (ELFCLASS32); osbox runs 64-bit RISC-V (RV64) programs",
            "x86_64.elf", "ELF for x86-64 (e_machine 62), not RISC-V",
            "misaligned.elf", "segment 2: file offset 0x2010 and address 0x12000 differ modulo the page size "
                    + "(4096), so it cannot be mapped",
            "dynamic.elf", "dynamically linked (interpreter /lib/ld-linux-riscv64-lp64d.so.1); "
                    + "osbox runs statically linked programs only");

    private static Path programs() {
        String root = System.getProperty("osbox.root");
        return root == null ? null : Path.of(root, "examples", "programs");
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void theExampleProgramsParse() throws Exception {
        Path dir = programs();
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve("hello.elf")),
                "skipped: examples/programs/hello.elf not found under osbox.root=" + System.getProperty("osbox.root"));
        List<Path> elfs = list(dir, ".elf");
        assertTrue(elfs.contains(dir.resolve("hello.elf")));
        for (Path p : elfs) {
            byte[] file = Files.readAllBytes(p);
            assertTrue(elf.recognizes(file), p.toString());
            ExecImage image = elf.parse(file);
            assertFalse(image.segments().isEmpty(), p.toString());
            assertTrue(image.segments().stream().anyMatch(s -> s.execute() && s.vaddr() <= image.entry()
                    && image.entry() < s.end()), p + ": entry in an executable segment");
            assertTrue(image.phdrVaddr() != 0, p + ": the program headers are mapped");
            for (LoadSegment s : image.segments()) {
                assertTrue(s.vaddr() >= 0x1000 && s.end() <= 0x3f_0000_0000L, p + ": " + s);
            }
        }
    }

    @Test
    void theBadExamplesAreRefusedWithTheirReasons() throws Exception {
        Path dir = programs();
        assumeTrue(dir != null && Files.isDirectory(dir.resolve("bad")),
                "skipped: examples/programs/bad not found under osbox.root=" + System.getProperty("osbox.root"));
        List<Path> files = list(dir.resolve("bad"), ".elf");
        if (Files.isRegularFile(dir.resolve("bad/not-elf.txt"))) {
            files.add(dir.resolve("bad/not-elf.txt"));
        }
        assertFalse(files.isEmpty());
        for (Path p : files) {
            byte[] file = Files.readAllBytes(p);
            String name = p.getFileName().toString();
            ExecFormatException e = assertThrows(ExecFormatException.class, () -> elf.parse(file), name);
            assertFalse(e.getMessage().isBlank() || e.getMessage().contains("\n"), name + ": " + e.getMessage());
            if (name.equals("truncated.elf")) {
                assertTrue(e.getMessage().startsWith("truncated ELF file: "), e.getMessage());
            } else if (BAD.containsKey(name)) {
                assertEquals(BAD.get(name), e.getMessage(), name);
            }
        }
    }
}
