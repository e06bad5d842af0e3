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
        assertEquals(Mode.INTERACTIVE, CommandLine.parse(new String[] {"--verbose"}).mode(), "the shell, logging at info");
        assertEquals(Mode.INTERACTIVE, CommandLine.parse(new String[] {"--"}).mode(), "the shell");
        assertEquals("--report needs the run command", CommandLine.parse(new String[] {"--report", "r.json"}).error());
        assertEquals("--host-dir needs a directory", CommandLine.parse(new String[] {"--host-dir"}).error());
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
        assertEquals("--sched needs the run command (in the shell: sched:use NAME)",
                CommandLine.parse(new String[] {"--sched", "rr"}).error());
        assertEquals("run: missing PROGRAM", CommandLine.parse(new String[] {"run", "--sched", "rr"}).error());
    }

    @Test
    void usageDocumentsTheSchedulingOptions() {
        assertTrue(CommandLine.USAGE.contains("--sched NAME"));
        assertTrue(CommandLine.USAGE.contains("--sched-opt KEY=VALUE"));
    }

    @Test
    void vmPolicyMemAndSwapAreKept() {
        CommandLine line = CommandLine.parse(new String[] {"--mem", "1M", "run", "--swap", "16M", "--vm-policy",
            "aging", "--vm-opt", "bits=4", "p.elf", "--mem", "x"});
        assertEquals(Mode.RUN, line.mode());
        assertEquals("1M", line.mem());
        assertEquals("16M", line.swap());
        assertEquals("aging", line.vmPolicy());
        assertEquals(java.util.Map.of("bits", "4"), line.vmOptionMap());
        assertEquals(List.of("--mem", "x"), line.arguments());
    }

    @Test
    void memAndSwapWithoutACommandAreInteractive() {
        CommandLine line = CommandLine.parse(new String[] {"--mem", "64M", "--swap", "0"});
        assertEquals(Mode.INTERACTIVE, line.mode());
        assertEquals("64M", line.mem());
    }

    @Test
    void vmUsageErrors() {
        assertEquals("--vm-policy needs a policy name", CommandLine.parse(new String[] {"run", "--vm-policy"}).error());
        assertEquals("--vm-opt needs --vm-policy NAME",
                CommandLine.parse(new String[] {"run", "--vm-opt", "a=1", "p"}).error());
        assertEquals("--vm-opt needs KEY=VALUE, got 'a'",
                CommandLine.parse(new String[] {"run", "--vm-policy", "lru", "--vm-opt", "a", "p"}).error());
        assertEquals("--vm-policy needs the run command (in the shell: vm:use NAME)",
                CommandLine.parse(new String[] {"--vm-policy", "lru"}).error());
        assertEquals("--mem needs a size, e.g. 64M", CommandLine.parse(new String[] {"run", "--mem"}).error());
        assertEquals("--mem 12X: not a size (use e.g. 4096K, 64M, 1G)",
                CommandLine.parse(new String[] {"run", "--mem", "12X", "p"}).error());
        assertEquals("--mem 0: must be more than 0 (use e.g. 4096K, 64M, 1G)",
                CommandLine.parse(new String[] {"run", "--mem", "0", "p"}).error());
        assertEquals("--swap 1000: not a whole number of 4 KiB pages (use e.g. 0, 4096K, 64M, 1G)",
                CommandLine.parse(new String[] {"run", "--swap", "1000", "p"}).error());
        assertEquals("--mem 5T: too large (at most 4T)",
                CommandLine.parse(new String[] {"run", "--mem", "5T", "p"}).error());
    }

    @Test
    void hartCountsAreCheckedAndKept() {
        assertEquals("2", CommandLine.parse(new String[] {"run", "--harts", "2", "p.elf"}).machine().harts());
        assertEquals("64", CommandLine.parse(new String[] {"--harts", "64"}).machine().harts(), "interactive");
        assertEquals(null, CommandLine.parse(new String[] {"run", "p.elf"}).machine().harts());
        assertEquals(List.of("--harts", "3"),
                CommandLine.parse(new String[] {"run", "p.elf", "--harts", "3"}).arguments(), "the program's own");
        assertEquals("--harts needs a number of harts (1..64)",
                CommandLine.parse(new String[] {"run", "--harts"}).error());
        for (String bad : new String[] {"0", "65", "two", "-1", "100"}) {
            assertEquals("--harts " + bad + ": not a number of harts (1..64)",
                    CommandLine.parse(new String[] {"run", "--harts", bad, "p.elf"}).error());
        }
    }

    @Test
    void tlbSpecsAreCheckedAndKept() {
        CommandLine line = CommandLine.parse(new String[] {"run", "--tlb", "64x4,refill=software", "p.elf", "--tlb",
            "x"});
        assertEquals(Mode.RUN, line.mode());
        assertEquals("64x4,refill=software", line.tlb());
        assertEquals(List.of("--tlb", "x"), line.arguments());
        assertEquals("16xfull", CommandLine.parse(new String[] {"--tlb", "16xfull"}).tlb(), "interactive");
        assertEquals(Mode.INTERACTIVE, CommandLine.parse(new String[] {"--tlb", "asid=off"}).mode());
        assertEquals(null, CommandLine.parse(new String[] {"run", "p"}).tlb());
        assertEquals("--tlb needs a spec, e.g. 64x4 or refill=software",
                CommandLine.parse(new String[] {"run", "--tlb"}).error());
        assertEquals("--tlb 64x3: ways must be a power of two (1 = direct-mapped), not 3",
                CommandLine.parse(new String[] {"run", "--tlb", "64x3", "p"}).error());
        assertEquals("--tlb refill=magic: refill must be hardware or software, not 'magic'",
                CommandLine.parse(new String[] {"run", "--tlb", "refill=magic", "p"}).error());
        assertEquals("--tlb 64x4,: empty item (a stray comma?); syntax " + osbox.api.hw.TlbSpec.SYNTAX,
                CommandLine.parse(new String[] {"run", "--tlb", "64x4,", "p"}).error(), "as the MMU says");
        assertEquals("--tlb asid=off,: empty item (a stray comma?); syntax " + osbox.api.hw.TlbSpec.SYNTAX,
                CommandLine.parse(new String[] {"--tlb", "asid=off,"}).error(), "the shell too");
        assertTrue(CommandLine.USAGE.contains("--tlb SPEC"));
        assertEquals("refill=software", CommandLine.parse(new String[] {"run", "--tlb", "refill=software", "p"}).tlb(),
                "software refill without ways is 2-way");
    }

    @Test
    void sizesAreTheOptionParsers() {
        for (String size : new String[] {"64M", "1G", "4096K", "64MiB", "64mb", "8192", "4T"}) {
            assertEquals(Mode.RUN, CommandLine.parse(new String[] {"run", "--mem", size, "p"}).mode(), size);
        }
        assertEquals(Mode.RUN, CommandLine.parse(new String[] {"run", "--swap", "0", "p"}).mode());
        assertEquals("--swap 12X: not a size (use e.g. 0, 4096K, 64M, 1G)",
                CommandLine.parse(new String[] {"run", "--swap", "12X", "p"}).error());
    }

    @Test
    void outputFilesIncludingTheMemoryChart() {
        CommandLine line = CommandLine.parse(new String[] {"run", "--report", "r.json", "--memory-svg", "m.svg",
            "w.yaml", "--gantt", "g.svg", "--trace", "t.json"});
        assertEquals(new CommandLine.Outputs("r.json", null, null, "m.svg"), line.outputs());
        assertTrue(line.outputs().any());
        assertFalse(CommandLine.Outputs.NONE.any());
        assertEquals(new CommandLine.Outputs("r.json", "t.json", "g.svg", "m.svg"), WorkloadRun.outputs(line));
        CommandLine late = CommandLine.parse(new String[] {"run", "w.yaml", "--memory-svg", "late.svg"});
        assertEquals("late.svg", WorkloadRun.outputs(late).memorySvg());
        assertEquals("--memory-svg needs a file name",
                CommandLine.parse(new String[] {"run", "--memory-svg"}).error());
        CommandLine program = CommandLine.parse(new String[] {"run", "--memory-svg", "m.svg", "p.elf", "--gantt"});
        assertEquals("m.svg", program.outputs().memorySvg());
        assertEquals(List.of("--gantt"), program.arguments(), "after a program: its own arguments");
        assertTrue(CommandLine.USAGE.contains("--memory-svg FILE"));
    }

    @Test
    void theDiskChartIsAnOutputFileLikeTheOthers() {
        CommandLine line = CommandLine.parse(new String[] {"run", "--io-svg", "io.svg", "w.yaml", "--trace", "t.json"});
        assertEquals("io.svg", line.outputs().ioSvg());
        assertTrue(line.outputs().any());
        assertEquals(new CommandLine.Outputs(null, "t.json", null, null, "io.svg"), WorkloadRun.outputs(line));
        assertEquals("late.svg", WorkloadRun.outputs(CommandLine.parse(new String[] {"run", "w.yaml", "--io-svg",
            "late.svg"})).ioSvg());
        assertEquals(List.of("--trace", "--io-svg"), List.copyOf(line.outputFiles().keySet()));
        assertEquals("--io-svg needs a file name", CommandLine.parse(new String[] {"run", "--io-svg"}).error());
        assertEquals("--io-svg needs the run command", CommandLine.parse(new String[] {"--io-svg", "x.svg"}).error());
        assertTrue(CommandLine.USAGE.contains("--io-svg FILE"));
    }
}
