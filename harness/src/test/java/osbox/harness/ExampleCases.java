package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One directory of glibc example programs under examples/programs (C or
 * C++ sources, their committed ELF files, cases.tsv, and qemu-riscv64's
 * output in expected/), and what the tests of such directories share: the
 * inventory check, a case run under osbox and compared with its recording,
 * and the live comparison with qemu-riscv64 where it is installed.
 */
final class ExampleCases {
    /** A stripped static glibc program stays under this size. */
    private static final long MAX_ELF_BYTES = 2_000_000;

    final Path dir;
    private final String test;

    /** The directory examples/programs/{@code name}, checked by the test class named {@code test}. */
    ExampleCases(String name, String test) {
        this.dir = CaseFile.DIR.resolve(name);
        this.test = test;
    }

    /** Every case of cases.tsv. */
    Stream<CaseFile.Case> cases() throws IOException {
        return CaseFile.read(dir, "cases.tsv").stream();
    }

    /** The programs with a source here (NAME.c or NAME.cc), by name. */
    Set<String> sources() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".c") || n.endsWith(".cc"))
                    .map(n -> n.substring(0, n.lastIndexOf('.'))).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * Asserts that every program with a source has its ELF committed
     * (stripped: under 2 MB) and a case in cases.tsv, and every case its
     * recorded output in expected/. Returns the programs, for the caller to
     * check it knows them all.
     */
    Set<String> assertEveryProgramIsBuiltAndHasACase() throws IOException {
        return assertEveryProgramIsBuiltAndHasACase(Set.of());
    }

    /**
     * The same, where the programs {@code withoutCase} need no case (their
     * output depends on the scheduler: workloads run them).
     */
    Set<String> assertEveryProgramIsBuiltAndHasACase(Set<String> withoutCase) throws IOException {
        Set<String> sources = sources();
        List<CaseFile.Case> all = cases().toList();
        Set<String> covered = all.stream().map(CaseFile.Case::program).collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(withoutCase);
        assertEquals(sources, covered, "every program has a case in cases.tsv");
        for (String program : sources) {
            Path elf = dir.resolve(program + ".elf");
            assertTrue(Files.isRegularFile(elf), elf + " is committed");
            assertTrue(Files.size(elf) < MAX_ELF_BYTES, elf + " stays under 2 MB (stripped): " + Files.size(elf));
        }
        for (CaseFile.Case c : all) {
            assertTrue(Files.isRegularFile(dir.resolve("expected").resolve(c.expectedName())), c + ": expected/ output");
        }
        return sources;
    }

    /** Runs case c on computer: its ELF, arguments and stdin. */
    Computer.Result run(Computer computer, CaseFile.Case c) throws Exception {
        byte[] image = Files.readAllBytes(dir.resolve(c.program() + ".elf"));
        return computer.run(c.program(), image, c.args(), c.input(dir));
    }

    /** Asserts r, a run of case c, printed the recording in expectedDir (e.g. expected) and ended with c's status. */
    void assertMatchesRecording(Computer.Result r, CaseFile.Case c, String expectedDir) throws IOException {
        assertEquals(Files.readString(dir.resolve(expectedDir).resolve(c.expectedName())), r.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), r.shellStatus(), "status of " + c + (r.killReport() == null ? "" : ": " + r.killReport()));
    }

    /** Runs case c on computer and asserts it printed its recording in expected/. */
    void runAndCompare(Computer computer, CaseFile.Case c) throws Exception {
        assertMatchesRecording(run(computer, c), c, "expected");
    }

    /** Skips (saying so on stdout) without qemu-riscv64; else runs c under qemu and on computer and compares the two. */
    void osboxMatchesQemuNow(Computer computer, CaseFile.Case c) throws Exception {
        QemuUser.Run q = qemuNow(c);
        assertSameAs(q, run(computer, c), c);
    }

    /** Asserts r, an osbox run of case c, printed what qemu-riscv64 printed in q and ended with its status. */
    void assertSameAs(QemuUser.Run q, Computer.Result r, CaseFile.Case c) {
        assertEquals(q.stdoutText(), r.stdoutText(), "stdout of " + c + ", against qemu-riscv64 now");
        assertEquals(q.status(), r.shellStatus(), "status of " + c + ", against qemu-riscv64 now");
    }

    /** Skips (saying so on stdout) without qemu-riscv64; else asserts qemu still prints c's recording. */
    void qemuGivesTheRecording(CaseFile.Case c) throws Exception {
        QemuUser.Run q = qemuNow(c);
        assertEquals(Files.readString(dir.resolve("expected").resolve(c.expectedName())), q.stdoutText(), "stdout of " + c);
        assertEquals(c.status(), q.status(), "status of " + c);
    }

    /** Skips the caller (saying so on stdout) without qemu-riscv64; else runs case c under it now. */
    QemuUser.Run qemuNow(CaseFile.Case c) throws Exception {
        QemuUser.assumePresent(test);
        return QemuUser.run(dir, c);
    }
}
