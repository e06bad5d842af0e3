package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import osbox.workload.RunReport;
import osbox.workload.Workload;
import osbox.workload.WorkloadException;
import osbox.workload.WorkloadRunner;

/** Workload files run end to end on the whole computer (examples/workloads), through the WorkloadRunner API. */
class WorkloadTest {
    private static final Path WORKLOADS = Computer.repositoryRoot().resolve("examples/workloads");
    private static final Path SAMPLES = Path.of("target/workloads");

    /** Boots a computer as the workload's machine settings ask and runs it. */
    static RunReport run(Workload w) throws Exception {
        Computer.Options o = Computer.Options.defaults();
        if (w.settings().harts() > 0) {
            o = o.withHarts(w.settings().harts());
        }
        if (w.settings().quantum() > 0) {
            o = o.withQuantum(w.settings().quantum());
        }
        if (w.settings().memoryMiB() > 0) {
            o = o.withMemory(w.settings().memoryMiB() << 20);
        }
        try (Computer c = Computer.boot(o)) {
            return WorkloadRunner.run(w, c.machine(), c.kernel(), c.schedulerControl(), Duration.ofMinutes(5));
        }
    }

    static RunReport run(String file) throws Exception {
        return run(Workload.load(WORKLOADS.resolve(file)));
    }

    // Keeps every rendering under target/workloads for people to look at.
    private static void save(String name, RunReport r) throws Exception {
        Files.createDirectories(SAMPLES);
        Files.writeString(SAMPLES.resolve(name + ".txt"), r.table() + "\n" + r.gantt(100));
        Files.writeString(SAMPLES.resolve(name + ".json"), r.json());
        Files.writeString(SAMPLES.resolve(name + ".trace.json"), r.chromeTrace());
        Files.writeString(SAMPLES.resolve(name + ".svg"), r.svg());
    }

    private static RunReport.ProcessResult byName(RunReport r, String label) {
        return r.processes().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"convoy.yaml", "cpu-mix.yaml", "interactive.yaml", "mlfq-gaming.yaml",
        "mlfq-gaming-ostep.yaml", "policy-swap.yaml"})
    void everyExampleRunsToCompletionWithConsistentFigures(String file) throws Exception {
        Workload w = Workload.load(WORKLOADS.resolve(file));
        RunReport r = run(w);
        save(file.replace(".yaml", ""), r);
        assertEquals(w.processes().size(), r.processes().size());
        assertTrue(r.traceComplete(), "the trace buffer kept the whole run");
        assertTrue(r.ejections().isEmpty(), r.ejections().toString());
        long end = 0;
        for (RunReport.ProcessResult p : r.processes()) {
            assertEquals("exited 0", p.status(), p.toString());
            assertTrue(p.pid() > 0);
            assertTrue(p.firstRun() >= p.arrival() && p.completion() > p.firstRun(), p.toString());
            assertTrue(p.turnaround() >= p.cpuCycles(), p.toString());
            assertEquals(p.turnaround() - p.cpuCycles(), p.waitTime());
            long ran = r.slices().stream().filter(s -> s.pid() == p.pid()).mapToLong(RunReport.Slice::length).sum();
            assertTrue(ran >= p.cpuCycles(), "slices cover the CPU time of " + p.label() + ": " + ran);
            long first = r.slices().stream().filter(s -> s.pid() == p.pid()).mapToLong(RunReport.Slice::start)
                    .min().orElseThrow();
            assertTrue(Math.abs(first - p.firstRun()) <= 1000, p.label() + " first slice " + first);
            end = Math.max(end, p.completion());
        }
        assertEquals(end, r.elapsed());
        for (Workload.ProcessSpec s : w.processes()) {
            assertEquals(s.arrival(), byName(r, s.label()).arrival(), "arrives on time: " + s.label());
        }
        assertTrue(r.utilisation() > 0.5 && r.utilisation() <= 1.0, "utilisation " + r.utilisation());
        assertTrue(r.busyCycles() <= r.elapsed() * r.harts(), "busy " + r.busyCycles() + " elapsed " + r.elapsed());
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(r.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(r.chromeTrace().startsWith("{") && r.chromeTrace().contains("\"traceEvents\""));
    }

    @Test
    void theSameWorkloadGivesTheSameReportBitForBit() throws Exception {
        RunReport a = run("policy-swap.yaml");
        RunReport b = run("policy-swap.yaml");
        assertEquals(a.json(), b.json());
        assertEquals(a.chromeTrace(), b.chromeTrace());
        assertEquals(a.gantt(100), b.gantt(100));
    }

    @Test
    void theConvoyEffectShowsUnderFifoAndNotUnderSjfOrStcf() throws Exception {
        Workload w = Workload.load(WORKLOADS.resolve("convoy.yaml"));
        RunReport fifo = run(w);
        RunReport sjf = run(w.withScheduler("sjf", Map.of()));
        RunReport stcf = run(w.withScheduler("stcf", Map.of()));
        save("convoy-sjf", sjf);
        save("convoy-stcf", stcf);
        assertEquals("fifo", fifo.policy());
        assertEquals("sjf", sjf.policy());
        // fifo: in arrival order, the short jobs wait for both longer ones
        assertTrue(byName(fifo, "short#1").firstRun() >= byName(fifo, "medium").completion());
        // sjf cannot preempt the long job, but runs the short jobs before the medium one
        assertTrue(byName(sjf, "short#1").firstRun() >= byName(sjf, "long").completion());
        assertTrue(byName(sjf, "short#3").completion() <= byName(sjf, "medium").firstRun());
        // stcf preempts the long job: the short jobs are done within a few ms of arriving
        assertTrue(byName(stcf, "short#3").turnaround() < 4_000_000L, stcf.table());
        assertTrue(byName(stcf, "long").completion() == stcf.elapsed());
        assertTrue(sjf.averageTurnaround() < fifo.averageTurnaround());
        assertTrue(stcf.averageTurnaround() < sjf.averageTurnaround());
    }

    @Test
    void gamingMlfqFailsUnderOsboxRulesAndWorksWithOstepStay() throws Exception {
        RunReport fair = run("mlfq-gaming.yaml");
        RunReport gamed = run("mlfq-gaming-ostep.yaml");
        long fairGamer = byName(fair, "gamer").completion();
        long gamedGamer = byName(gamed, "gamer").completion();
        // with stay=true the gamer keeps the top level and finishes long before the hogs
        assertTrue(gamedGamer < byName(gamed, "hog#1").completion() / 2, gamed.table());
        // under osbox's rules it moves down and shares with the hogs: it finishes much later
        assertTrue(fairGamer > gamedGamer * 3 / 2, fair.table() + gamed.table());
    }

    @Test
    void scriptedSwapsHappenAtTheirSimulatedTimes() throws Exception {
        RunReport r = run("policy-swap.yaml");
        assertEquals("fifo", r.policy());
        assertEquals("cfs", r.finalPolicy());
        assertEquals(2, r.swaps().size());
        assertEquals(20_000_000L, r.swaps().get(0).at());
        assertEquals("rr", r.swaps().get(0).activeAfter());
        assertNull(r.swaps().get(0).error());
        assertEquals(60_000_000L, r.swaps().get(1).at());
        assertTrue(r.table().contains("swaps:"));
        assertTrue(r.chromeTrace().contains("\"policy rr\""));
    }

    @Test
    void aSwapWithBadOptionsIsReportedAndTheRunGoesOn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, "processes: [{program: " + Computer.example("burst") + ", args: [-q, cpu=300k]}]\n"
                + "swaps: [{at: 1ms, policy: rr, options: {quantum: -5}}]\n");
        RunReport r = run(Workload.load(f));
        assertEquals(1, r.swaps().size());
        assertTrue(r.swaps().get(0).error() != null, r.swaps().toString());
        assertEquals("exited 0", r.processes().get(0).status());
    }

    @Test
    void aProgramTheKernelRefusesIsReportedNotStarted(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // a RISC-V ELF the loader refuses (dynamically linked): the workload file cannot tell
        Path bad = Computer.repositoryRoot().resolve("examples/programs/bad/dynamic.elf");
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, "processes:\n  - {program: " + bad + "}\n  - {program: " + Computer.example("burst")
                + ", args: [-q, cpu=1k], arrival: 1ms}\n");
        RunReport r = run(Workload.load(f));
        assertEquals(2, r.processes().size());
        assertFalse(r.processes().get(0).completed());
        assertTrue(r.processes().get(0).status().startsWith("not started: "), r.processes().get(0).status());
        assertEquals("exited 0", r.processes().get(1).status());
        assertEquals(1, r.completed().size());
        assertTrue(r.table().contains("not started"));
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertTrue(r.failures().get(0).startsWith("dynamic: not started at 0.000 ms: "), r.failures().toString());
    }

    @Test
    void aProgramForAnotherMachineIsRefusedBeforeTheRun(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path bad = Computer.repositoryRoot().resolve("examples/programs/bad/x86_64.elf");
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, "processes:\n  - {program: " + bad + "}\n");
        WorkloadException e = assertThrows(WorkloadException.class, () -> Workload.load(f));
        assertTrue(e.getMessage().endsWith("x86_64.elf: ELF for another machine (e_machine 62), not RISC-V (243)"),
                e.getMessage());
    }

    @Test
    void aSingleProgramIsNeverBusierThanItsElapsedTime() throws Exception {
        Path program = Computer.example("mallocfun");
        byte[] image = Files.readAllBytes(program);
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            // the one-process workload osbox run PROGRAM makes
            Workload w = new Workload("mallocfun", "osbox run mallocfun.elf", null, c.machine().frequencyHz(),
                    Workload.Settings.NONE, null, java.util.List.of(), java.util.List.of(new Workload.ProcessSpec(
                            "mallocfun", program, "mallocfun.elf", image, java.util.List.of(), 0,
                            osbox.api.sched.TaskAttributes.DEFAULT)));
            RunReport r = WorkloadRunner.run(w, c.machine(), c.kernel(), c.schedulerControl(), Duration.ofMinutes(5));
            assertEquals("exited 0", r.processes().get(0).status());
            assertTrue(r.busyCycles() > 0 && r.busyCycles() <= r.elapsed(),
                    "busy " + r.busyCycles() + " elapsed " + r.elapsed());
        }
    }

    @Test
    void aWorkloadForOtherHardwareOrAMissingPolicyIsRefused(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path f = dir.resolve("w.yaml");
        String program = "processes: [{program: " + Computer.example("burst") + "}]\n";
        Files.writeString(f, "machine: {harts: 2}\n" + program);
        WorkloadException e = assertThrows(WorkloadException.class, () -> run2(Workload.load(f)));
        assertTrue(e.getMessage().contains("machine.harts"), e.getMessage());
        Files.writeString(f, "scheduler: nosuch\n" + program);
        e = assertThrows(WorkloadException.class, () -> run(Workload.load(f)));
        assertTrue(e.getMessage().contains("no policy 'nosuch'"), e.getMessage());
        Files.writeString(f, "scheduler: {policy: rr, options: {quantum: zero}}\n" + program);
        e = assertThrows(WorkloadException.class, () -> run(Workload.load(f)));
        assertTrue(e.getMessage().contains("scheduler.options"), e.getMessage());
    }

    // Runs on a one-hart machine whatever the workload asks.
    private static RunReport run2(Workload w) throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            return WorkloadRunner.run(w, c.machine(), c.kernel(), c.schedulerControl(), Duration.ofMinutes(5));
        }
    }

    @Test
    void twoHartsRunTwoJobsAtOnce(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("w.yaml");
        Files.writeString(f, "machine: {harts: 2}\nscheduler: rr\nprocesses: [{program: " + Computer.example("burst")
                + ", args: [-q, cpu=1m], count: 2}]\n");
        RunReport r = run(Workload.load(f));
        assertEquals(2, r.harts());
        assertTrue(r.slices().stream().anyMatch(s -> s.hart() == 1), "hart 1 ran something");
        assertTrue(r.elapsed() < 15_000_000L, "in parallel: " + r.elapsed());
        assertTrue(r.gantt(100).contains("hart 1"));
    }
}
