package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.testkit.hw.FakeConsole;
import osbox.testkit.hw.FakeMachine;
import osbox.testkit.kernel.FakeProcessManager;
import osbox.workload.ProgramRunner;

/** osbox:run: reads the program from the shell's directory, runs it, and says how it ended, in the shell. */
class OsboxCommandsTest {
    @TempDir
    Path dir;

    private final FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.OWN_THREAD);
    private final FakeConsole console = new FakeConsole();
    private final FakeProcessManager processes = new FakeProcessManager(machine, console);
    private final OsboxCommands commands = new OsboxCommands(machine, processes, console);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        machine.close();
    }

    // Runs osbox:run in a session whose directory is the test's; returns all the shell printed so far.
    private String run(String program, String... args) throws Exception {
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            CommandSession session = (CommandSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {CommandSession.class}, (proxy, m, a) -> switch (m.getName()) {
                        case "getConsole" -> ps;
                        case "currentDir" -> dir;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == a[0];
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            commands.run(session, program, args);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void program(String name, String image) throws IOException {
        Files.writeString(dir.resolve(name), image, StandardCharsets.US_ASCII);
    }

    @Test
    void aProgramRunsWithItsArgumentsAndTheShellSaysHowItExited() throws Exception {
        program("three.elf", "EXIT 3");
        assertEquals("[pid 1 exited with status 3]\n", run("three.elf", "a", "b"));
        assertEquals(List.of(List.of("three.elf", "a", "b")), processes.spawned());
        assertEquals(List.of(ProgramRunner.ENVIRONMENT), processes.environments());
        assertEquals("output of 1\n", console.outputText(), "the program wrote to the console");
        assertEquals(1, console.connects(), "the console connected to the shell");
        assertTrue(console.flushes() >= 1, "flushed before the shell says how it ended");
        assertEquals(0, (int) machine.call(processes::listenerCount), "exit listener removed");
    }

    @Test
    void aKilledProgramIsReportedAsTheKernelReportsIt() throws Exception {
        program("fault.elf", "KILL 11");
        assertEquals("pc=0x100 addr=0x0\n[pid 1 killed by SIGSEGV]\n", run("fault.elf"));
    }

    @Test
    void whatCannotRunGetsOneLineAndNothingIsSpawned() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        program("bad.elf", "MZ");
        run("nope.elf");
        run("sub");
        assertEquals("osbox: nope.elf: No such file or directory\n"
                + "osbox: sub: Is a directory\n"
                + "osbox: bad.elf: not an ELF file\n", run("bad.elf"));
        assertEquals(List.of(), processes.spawned());
    }
}
