package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.launcher.CommandLine.Mode;
import osbox.workload.RunLimits;

/** --max-instructions and --max-time on the command line. */
class RunLimitOptionsTest {

    @Test
    void limitsBeforeTheProgramAreOsboxsAndAfterItTheProgramsOwn() {
        CommandLine line = CommandLine.parse(new String[] {"--max-time", "2s", "run", "--max-instructions", "900",
                "spin.elf", "--max-time", "1s"});
        assertEquals(Mode.RUN, line.mode());
        assertEquals(new RunLimits(900, 2_000_000_000L, "2s"), line.limits());
        assertEquals(List.of("--max-time", "1s"), line.arguments());
        assertEquals(RunLimits.NONE, CommandLine.parse(new String[] {"run", "spin.elf"}).limits());
    }

    @Test
    void aBadLimitIsAUsageErrorOfOneLine() {
        CommandLine line = CommandLine.parse(new String[] {"run", "--max-time", "soon", "spin.elf"});
        assertEquals(Mode.ERROR, line.mode());
        assertEquals("--max-time soon: not a duration (e.g. 500ms, 2s, 1m; units ns, us, ms, s, m, h; "
                + "a plain number is seconds)", line.error());
        assertEquals("--max-instructions needs a number of instructions (a whole number from 1 to 10^18, "
                + "e.g. 1000000)", CommandLine.parse(new String[] {"run", "--max-instructions"}).error());
    }
}
