package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherRunTest {
    @TempDir
    Path dir;

    private final FakeMachine machine = new FakeMachine();
    private final FakeKernel kernel = new FakeKernel(machine);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        machine.close();
    }

    private int run(String... args) {
        CommandLine line = CommandLine.parse(args);
        return LauncherComponent.run(line, machine, kernel, kernel, true, dir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void exitCodeIsTheProgramsAndArgvStartsWithThePathAsGiven() throws Exception {
        Files.createDirectories(dir.resolve("bin"));
        Files.writeString(dir.resolve("bin/three.elf"), "EXIT 3");
        assertEquals(3, run("run", "bin/three.elf", "a", "b"));
        assertEquals(List.of(List.of("bin/three.elf", "a", "b")), kernel.spawned);
        assertEquals(List.of(ProgramRunner.ENVIRONMENT), kernel.environments);
        assertEquals("", err());
        assertTrue(kernel.flushes >= 1, "console flushed");
        assertEquals(0, kernel.connects, "console left to hw-console when osbox.console.input=stdin");
        assertTrue(kernel.listeners.isEmpty() || waitForNoListeners(), "exit listener removed");
    }

    private boolean waitForNoListeners() throws Exception {
        return machine.call(() -> kernel.listeners.isEmpty());
    }

    @Test
    void killedProgramGives128PlusSignalAndOneLineOnStderr() throws Exception {
        Files.writeString(dir.resolve("segv.elf"), "KILL 11");
        assertEquals(139, run("run", "segv.elf"));
        assertEquals("osbox: pc=0x100 addr=0x0" + System.lineSeparator(), err(), "the kernel's report, once");
    }

    @Test
    void missingFile() {
        assertEquals(2, run("run", "nope.elf"));
        assertEquals("osbox: nope.elf: No such file or directory" + System.lineSeparator(), err());
        assertTrue(kernel.spawned.isEmpty());
    }

    @Test
    void directory() throws Exception {
        Files.createDirectories(dir.resolve("d"));
        assertEquals(2, run("run", "d"));
        assertEquals("osbox: d: Is a directory" + System.lineSeparator(), err());
    }

    @Test
    void execFormatErrorIsOneLineWithoutStackTrace() throws Exception {
        Files.writeString(dir.resolve("text.txt"), "hello");
        assertEquals(2, run("run", "text.txt"));
        assertEquals("osbox: text.txt: not an ELF file" + System.lineSeparator(), err());
        assertTrue(machine.call(() -> kernel.listeners.isEmpty()), "listener removed after a refused spawn");
    }

    @Test
    void absolutePathsAreKept() throws Exception {
        Path p = dir.resolve("zero.elf");
        Files.writeString(p, "EXIT 0");
        assertEquals(0, run("run", p.toString()));
        assertEquals(p.toString(), kernel.spawned.get(0).get(0));
    }

    @Test
    void helpAndUsageErrors() {
        assertEquals(0, CommandLineComponent.help(new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("usage: osbox"));
        assertEquals(2, CommandLineComponent.usageError("unknown command: x",
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err().startsWith("osbox: unknown command: x" + System.lineSeparator() + "usage: osbox"));
    }
}
