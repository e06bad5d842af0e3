package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.launcher.CommandLine.Mode;

class CommandLineTest {

    @Test
    void noArgumentsIsInteractive() {
        assertEquals(Mode.INTERACTIVE, CommandLine.parse(new String[0]).mode());
    }

    @Test
    void helpInAnyForm() {
        for (String h : new String[] {"--help", "-h", "help"}) {
            assertEquals(Mode.HELP, CommandLine.parse(new String[] {h}).mode(), h);
        }
        assertEquals(Mode.HELP, CommandLine.parse(new String[] {"run", "--help"}).mode());
    }

    @Test
    void runKeepsProgramPathAndArguments() {
        CommandLine line = CommandLine.parse(new String[] {"run", "examples/hello.elf", "a", "b"});
        assertEquals(Mode.RUN, line.mode());
        assertFalse(line.verbose());
        assertEquals("examples/hello.elf", line.program());
        assertEquals(List.of("a", "b"), line.arguments());
        assertEquals(List.of("examples/hello.elf", "a", "b"), line.argv());
    }

    @Test
    void verboseBeforeTheProgramOnlyAndProgramOptionsAreTheProgramsOwn() {
        CommandLine line = CommandLine.parse(new String[] {"--verbose", "run", "--verbose", "p", "--verbose", "-x"});
        assertEquals(Mode.RUN, line.mode());
        assertTrue(line.verbose());
        assertEquals("p", line.program());
        assertEquals(List.of("--verbose", "-x"), line.arguments());
    }

    @Test
    void doubleDashLetsAProgramNameStartWithADash() {
        CommandLine line = CommandLine.parse(new String[] {"run", "--", "-odd.elf", "x"});
        assertEquals("-odd.elf", line.program());
        assertEquals(List.of("x"), line.arguments());
    }

    @Test
    void usageErrors() {
        assertEquals("run: missing PROGRAM", CommandLine.parse(new String[] {"run"}).error());
        assertEquals("unknown command: walk", CommandLine.parse(new String[] {"walk"}).error());
        assertEquals("unknown option: --fast", CommandLine.parse(new String[] {"run", "--fast", "p"}).error());
        assertEquals(Mode.ERROR, CommandLine.parse(new String[] {"--verbose"}).mode());
    }

    @Test
    void launcherArgumentsProperty() {
        assertEquals(List.of("run", "x"),
                List.of(LauncherArguments.of(java.util.Map.of("launcher.arguments", new String[] {"run", "x"}))));
        assertEquals(0, LauncherArguments.of(java.util.Map.of()).length);
    }

    @Test
    void schedAndItsOptionsAreKeptAndSkipped() {
        CommandLine line = CommandLine.parse(new String[] {"--sched", "mlfq", "run", "--sched-opt", "queues=4",
            "--verbose", "--sched-opt", "quantum=1000,2000,4000", "p.elf", "--sched", "x"});
        assertEquals(Mode.RUN, line.mode());
        assertEquals("mlfq", line.sched());
        assertEquals(List.of("queues=4", "quantum=1000,2000,4000"), line.schedOptions());
        assertEquals(java.util.Map.of("queues", "4", "quantum", "1000,2000,4000"), line.schedOptionMap());
        assertEquals("p.elf", line.program());
        assertEquals(List.of("--sched", "x"), line.arguments(), "after the program: its own arguments");
        assertTrue(line.verbose());
    }

    @Test
    void noSchedMeansNone() {
        CommandLine line = CommandLine.parse(new String[] {"run", "p.elf"});
        assertEquals(null, line.sched());
        assertEquals(List.of(), line.schedOptions());
    }

    @Test
    void schedUsageErrors() {
        assertEquals("--sched needs a policy name", CommandLine.parse(new String[] {"run", "--sched"}).error());
        assertEquals("--sched-opt needs KEY=VALUE",
                CommandLine.parse(new String[] {"run", "--sched", "rr", "--sched-opt"}).error());
        assertEquals("--sched-opt needs KEY=VALUE, got 'quantum'",
                CommandLine.parse(new String[] {"run", "--sched", "rr", "--sched-opt", "quantum", "p"}).error());
        assertEquals("--sched-opt needs KEY=VALUE, got '=5'",
                CommandLine.parse(new String[] {"run", "--sched", "rr", "--sched-opt", "=5", "p"}).error());
        assertEquals("--sched-opt needs --sched NAME",
                CommandLine.parse(new String[] {"run", "--sched-opt", "quantum=5", "p"}).error());
        assertEquals("--sched needs a command", CommandLine.parse(new String[] {"--sched", "rr"}).error());
        assertEquals("run: missing PROGRAM", CommandLine.parse(new String[] {"run", "--sched", "rr"}).error());
    }

    @Test
    void usageDocumentsTheSchedulingOptions() {
        assertTrue(CommandLine.USAGE.contains("--sched NAME"));
        assertTrue(CommandLine.USAGE.contains("--sched-opt KEY=VALUE"));
    }
}
