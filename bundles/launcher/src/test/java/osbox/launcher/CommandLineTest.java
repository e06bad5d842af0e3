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
}
