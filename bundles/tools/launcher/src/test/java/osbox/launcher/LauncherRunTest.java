package osbox.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.testkit.hw.FakeConsole;
import osbox.testkit.hw.FakeMachine;
import osbox.testkit.kernel.FakeProcessManager;
import osbox.workload.ProgramRunner;
import osbox.testkit.policy.FakePolicyControl;

class LauncherRunTest {
    @TempDir
    Path dir;

    private final FakeMachine machine = FakeMachine.with(FakeMachine.Tasks.OWN_THREAD);
    private final FakeConsole console = new FakeConsole();
    private final FakeProcessManager kernel = new FakeProcessManager(machine, console);
    private final FakePolicyControl scheduler = new FakePolicyControl("sched", "fallback")
            .provider("cfs", Map.of("latency", "6000000")).provider("rr", Map.of("quantum", "1000000"))
            .provider("fifo", Map.of());
    private final FakePolicyControl vm = new FakePolicyControl("vm.replace", "fallback")
            .provider("clock", Map.of()).provider("lru", Map.of()).provider("aging", Map.of("bits", "8"));
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        machine.close();
    }

    private int run(String... args) {
        CommandLine line = CommandLine.parse(args);
        return run(line, PolicyCheck.sched(line, null, null));
    }

    private int run(CommandLine line, PolicyCheck sched) {
        return run(line, sched, PolicyCheck.vm(line, null, null));
    }

    private int run(CommandLine line, PolicyCheck sched, PolicyCheck vmCheck) {
        return LauncherComponent.run(line, sched, vmCheck, machine, kernel, console, scheduler, vm, true, dir,
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
        assertEquals(List.of(List.of("bin/three.elf", "a", "b")), kernel.spawned());
        assertEquals(List.of(ProgramRunner.ENVIRONMENT), kernel.environments());
        assertEquals("", err());
        assertTrue(console.flushes() >= 1, "console flushed");
        assertEquals(0, console.connects(), "console left to hw-console when osbox.console.input=stdin");
        assertTrue(kernel.listenerCount() == 0 || waitForNoListeners(), "exit listener removed");
    }

    private boolean waitForNoListeners() throws Exception {
        return machine.call(() -> kernel.listenerCount() == 0);
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
        assertTrue(kernel.spawned().isEmpty());
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
        assertTrue(machine.call(() -> kernel.listenerCount() == 0), "listener removed after a refused spawn");
    }

    @Test
    void absolutePathsAreKept() throws Exception {
        Path p = dir.resolve("zero.elf");
        Files.writeString(p, "EXIT 0");
        assertEquals(0, run("run", p.toString()));
        assertEquals(p.toString(), kernel.spawned().get(0).get(0));
    }

    @Test
    void helpAndUsageErrors() {
        assertEquals(0, CommandLineComponent.help("builtin, fifo, rr, mlfq", "builtin, lru",
                new PrintStream(out, true, StandardCharsets.UTF_8)));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.startsWith("usage: osbox"), help);
        String nl = System.lineSeparator();
        String words = help.replaceAll("\\s+", " ");
        assertTrue(words.contains(" --sched NAME the scheduling policy (default builtin, the kernel's round robin):"
                + " builtin, fifo, rr, mlfq --sched-opt"), help);
        assertTrue(words.contains("the page replacement policy (default builtin, the kernel's FIFO): builtin, lru"
                + " --vm-opt"), help);
        for (String line : help.split(nl)) {
            assertTrue(line.length() <= 80, line);
        }
        assertTrue(help.contains("osbox lab sched|paging|deadlock|disk"), help);
        assertEquals(2, CommandLineComponent.usageError("unknown command: x",
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("osbox: unknown command: x" + System.lineSeparator(), err(), "one line, no usage");
    }

    @Test
    void noSchedLeavesTheSchedulerAlone() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        assertEquals(0, run("run", "zero.elf"));
        assertEquals(List.of(), scheduler.uses);
    }

    @Test
    void schedChoosesThePolicyWithItsOptionsBeforeTheProgramRuns() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        List<String> activeAtSpawn = new java.util.ArrayList<>();
        kernel.setOnSpawn(() -> activeAtSpawn.add(scheduler.active));
        assertEquals(0, run("run", "--sched", "rr", "--sched-opt", "quantum=5000", "zero.elf", "x"));
        assertEquals(List.of("rr"), activeAtSpawn);
        assertEquals(List.of("rr{quantum=5000}", "builtin{}"), scheduler.uses,
                "rr for the run, then builtin again before the framework stops");
        assertEquals(List.of(List.of("zero.elf", "x")), kernel.spawned());
        assertEquals("", err());
    }

    @Test
    void unknownPolicyIsOneLineAndExit2AndNothingRuns() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        assertEquals(2, run("run", "--sched", "nope", "zero.elf"));
        assertEquals("osbox: --sched nope: no such scheduling policy (available: builtin, cfs, fifo, rr)"
                + System.lineSeparator(), err());
        assertTrue(kernel.spawned().isEmpty());
        assertEquals(List.of(), scheduler.uses, "an unknown name is not even chosen");
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void refusedOptionsAreOneLineWithTheProvidersMessageAndExit2() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        assertEquals(2, run("run", "--sched", "rr", "--sched-opt", "quantum=-1", "zero.elf"));
        assertEquals("osbox: --sched rr: option 'quantum' must be at least 1, got -1"
                + System.lineSeparator(), err());
        assertEquals(2, run("run", "--sched", "cfs", "--sched-opt", "speed=3", "zero.elf"));
        assertTrue(err().endsWith("osbox: --sched cfs: unknown option 'speed' (known: latency)"
                + System.lineSeparator()), err());
        assertEquals(2, run("run", "--sched", "builtin", "--sched-opt", "quantum=3", "zero.elf"));
        assertTrue(err().endsWith("osbox: --sched builtin: the built-in policy takes no options (got quantum)"
                + System.lineSeparator()), err());
        assertTrue(kernel.spawned().isEmpty());
        assertEquals(osbox.api.policy.PolicyControl.BUILTIN, scheduler.active, "nothing changed");
    }

    @Test
    void aProviderLeavingAtTheLastMomentIsReportedAsMissing() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        scheduler.providerLeavesOnUse = true;
        assertEquals(2, run("run", "--sched", "cfs", "zero.elf"));
        assertEquals("osbox: --sched cfs: no such scheduling policy (available: builtin, fifo, rr)"
                + System.lineSeparator(), err());
        assertTrue(kernel.spawned().isEmpty());
    }

    @Test
    void builtinIsAlwaysThere() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        scheduler.active = "cfs";
        assertEquals(0, run("run", "--sched", "builtin", "zero.elf"));
        assertEquals(List.of("builtin{}"), scheduler.uses);
    }

    @Test
    void withoutTheScriptTheFrameworkPropertiesChoose() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        CommandLine line = CommandLine.parse(new String[] {"run", "zero.elf"});
        assertEquals(0, run(line, PolicyCheck.sched(line, "cfs", "latency=4000000")));
        assertEquals(List.of("cfs{latency=4000000}", "builtin{}"), scheduler.uses);
        assertEquals(2, run(line, PolicyCheck.sched(line, "cfs", "latency")));
        assertEquals("osbox: --sched cfs: option must be key=value: 'latency'" + System.lineSeparator(), err());
        // the command line wins over the properties
        CommandLine rr = CommandLine.parse(new String[] {"run", "--sched", "rr", "zero.elf"});
        assertEquals(0, run(rr, PolicyCheck.sched(rr, "cfs", "latency=1")));
        assertEquals("rr{}", scheduler.uses.get(scheduler.uses.size() - 2));
    }

    @Test
    void vmPolicyIsAppliedBeforeTheRunAndHandedBackAfter() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        assertEquals(0, run("run", "--vm-policy", "aging", "--vm-opt", "bits=4", "zero.elf"));
        assertEquals(List.of("aging{bits=4}", "builtin{}"), vm.uses);
        assertEquals("", err());
    }

    @Test
    void unknownVmPolicyIsOneLineAndStatus2() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        assertEquals(2, run("run", "--vm-policy", "nope", "zero.elf"));
        assertEquals("osbox: --vm-policy nope: no such page replacement policy (available: builtin, aging, "
                + "clock, lru)" + System.lineSeparator(), err());
        assertTrue(kernel.spawned().isEmpty());
    }

    @Test
    void refusedVmOptionIsOneLineAndStatus2() throws Exception {
        Files.writeString(dir.resolve("zero.elf"), "EXIT 0");
        assertEquals(2, run("run", "--vm-policy", "aging", "--vm-opt", "bits=x", "zero.elf"));
        assertEquals("osbox: --vm-policy aging: option 'bits' must be an integer, got 'x'" + System.lineSeparator(),
                err());
        assertTrue(kernel.spawned().isEmpty());
    }

    @Test
    void aProgramCanWriteTheReportsAndKeepsItsStatus() throws Exception {
        Files.writeString(dir.resolve("three.elf"), "EXIT 3");
        assertEquals(3, run("run", "--report", "r.json", "--memory-svg", "m.svg", "--gantt", "g.svg", "three.elf",
                "x"));
        assertEquals(List.of(List.of("three.elf", "x")), kernel.spawned());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing but the program's output on stdout");
        String json = Files.readString(dir.resolve("r.json"));
        assertTrue(json.contains("\"workload\": \"three\""), json);
        assertTrue(json.contains("\"waitStatus\": 768"), json);
        assertTrue(json.contains("\"memory\""), json);
        String svg = Files.readString(dir.resolve("m.svg"));
        assertTrue(svg.startsWith("<?xml") && svg.contains("resident set (pages), every process"), svg);
        assertTrue(Files.readString(dir.resolve("g.svg")).contains("<svg"));
    }

    @Test
    void aKilledProgramWithReportsSaysSoOnce() throws Exception {
        Files.writeString(dir.resolve("segv.elf"), "KILL 11");
        assertEquals(139, run("run", "--memory-svg", "m.svg", "segv.elf"));
        assertEquals("osbox: pc=0x100 addr=0x0" + System.lineSeparator(), err());
        assertTrue(Files.exists(dir.resolve("m.svg")));
        Files.writeString(dir.resolve("bad.elf"), "garbage");
        err.reset();
        assertEquals(2, run("run", "--report", "r.json", "bad.elf"));
        assertEquals("osbox: bad.elf: not an ELF file" + System.lineSeparator(), err());
    }

    @Test
    void anOutputFileThatCannotBeWrittenStopsTheRunBeforeItStarts() throws Exception {
        Files.writeString(dir.resolve("three.elf"), "EXIT 3");
        assertEquals(2, run("run", "--report", "nowhere/r.json", "three.elf"));
        assertEquals("osbox: --report nowhere/r.json: No such file or directory" + System.lineSeparator(), err());
        assertTrue(kernel.spawned().isEmpty(), "nothing ran");
        err.reset();
        Files.createDirectory(dir.resolve("charts"));
        assertEquals(2, run("run", "--io-svg", "charts", "three.elf"));
        assertEquals("osbox: --io-svg charts: Is a directory" + System.lineSeparator(), err());
    }

    @Test
    void theDiskChartIsWrittenLikeTheOtherCharts() throws Exception {
        Files.writeString(dir.resolve("three.elf"), "EXIT 3");
        assertEquals(3, run("run", "--io-svg", "io.svg", "three.elf"));
        String svg = Files.readString(dir.resolve("io.svg"));
        assertTrue(svg.startsWith("<?xml") && svg.contains("no block requests in this run"), svg);
    }

    @Test
    void anOutputFileThatFailsAfterTheRunIsOneLineAndTheStatusStaysTheProgramsOwn() throws Exception {
        Files.writeString(dir.resolve("three.elf"), "EXIT 3");
        Path out = Files.createDirectory(dir.resolve("out"));
        // writable when checked, gone when written: the disk changed during the run
        kernel.setOnSpawn(() -> {
            try {
                Files.delete(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(3, run("run", "--report", "out/r.json", "--gantt", "g.svg", "three.elf"));
        assertEquals("osbox: --report out/r.json: cannot write: No such file or directory" + System.lineSeparator(),
                err());
        assertTrue(Files.exists(dir.resolve("g.svg")), "the other files are still written");
    }
}
