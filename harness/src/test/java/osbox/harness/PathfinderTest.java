package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import osbox.workload.RunReport;
import osbox.workload.Workload;
import osbox.workload.WorkloadRunner;

/**
 * Priority inversion, the Mars Pathfinder case (issue 11 point 2):
 * examples/workloads/pathfinder.yaml runs glibc-threads/pathfinder.elf
 * (SCHED_FIFO threads high, medium and low sharing a "bus" mutex) under the
 * {@code priority} policy on one hart with a plain mutex, and
 * pathfinder-pi.yaml the same with PTHREAD_PRIO_INHERIT. From the program's
 * own figures (its simulated clock) and the report, not from timings of one
 * run: without PI high waits longer than medium's whole run and misses its
 * deadline, and nothing is boosted; with PI high waits no longer than
 * low's critical section, low (only low) is boosted and back, the report
 * counts it, and the Gantt chart and SVG draw it on low's row.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PathfinderTest {
    private static final Path WORKLOADS = Computer.repositoryRoot().resolve("examples/workloads");

    /** A run's report and what the program printed. */
    private record Run(RunReport report, String stdout) {
        long figure(String label) {
            Matcher m = Pattern.compile(Pattern.quote(label) + ": (\\d+) us").matcher(stdout);
            assertTrue(m.find(), label + " in " + stdout);
            return Long.parseLong(m.group(1));
        }

        RunReport.ThreadResult thread(String name) {
            return report.threads().stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no thread " + name + ": " + report.threads()));
        }
    }

    private static Run run(String file) throws Exception {
        Workload w = Workload.load(WORKLOADS.resolve(file));
        assertEquals(1, w.settings().harts());
        try (Computer c = Computer.boot(Computer.Options.defaults().withHarts(1))) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            c.console().connect(null, console);
            RunReport r = WorkloadRunner.run(w, c.machine(), c.kernel(), c.schedulerControl(), Duration.ofMinutes(4));
            c.machine().call(() -> {
                c.console().flush();
                return null;
            });
            Path samples = Path.of("target/workloads");
            Files.createDirectories(samples);
            String name = file.replace(".yaml", "");
            Files.writeString(samples.resolve(name + ".txt"), r.table() + "\n" + r.gantt(100));
            Files.writeString(samples.resolve(name + ".svg"), r.svg());
            Files.writeString(samples.resolve(name + ".json"), r.json());
            return new Run(r, console.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPlainMutexInvertsPrioritiesAndAnInheritingOneDoesNot() throws Exception {
        Run plain = run("pathfinder.yaml");
        assertEquals("exited 0", plain.report().processes().get(0).status(), plain.stdout());
        assertEquals("priority", plain.report().policy());
        long medium = plain.figure("medium's work");
        long section = plain.figure("critical section (low)");
        long waited = plain.figure("high waited for the bus");
        assertTrue(medium > 2 * section, "medium runs long: " + plain.stdout());
        assertTrue(waited > medium, "inversion: high waited for all of medium's work: " + plain.stdout());
        assertTrue(plain.stdout().contains("priority inversion: high waited for medium"), plain.stdout());
        assertTrue(plain.stdout().contains("MISSED"), plain.stdout());
        assertEquals(0, plain.report().boostCount(), "a plain mutex lends nothing");
        assertEquals(List.of("high", "low", "medium", "pathfinder.elf"), plain.report().threads().stream()
                .map(RunReport.ThreadResult::name).sorted().toList(), "a row per thread, named by the program");

        Run pi = run("pathfinder-pi.yaml");
        assertEquals("exited 0", pi.report().processes().get(0).status(), pi.stdout());
        long piSection = pi.figure("critical section (low)");
        long piWaited = pi.figure("high waited for the bus");
        assertTrue(piWaited <= piSection, "high waits at most for low's critical section: " + pi.stdout());
        assertTrue(piWaited < pi.figure("medium's work"), pi.stdout());
        assertTrue(pi.stdout().contains("no inversion") && pi.stdout().contains("deadline (") && pi.stdout()
                .contains("): met"), pi.stdout());

        RunReport r = pi.report();
        RunReport.ThreadResult low = pi.thread("low");
        assertEquals(1, r.boostCount(), "low is boosted once, when high waits: " + r.boosts());
        assertEquals(1, low.boosts());
        assertEquals(0, pi.thread("medium").boosts());
        assertTrue(r.boosts().stream().allMatch(b -> b.tid() == low.tid()), r.boosts().toString());
        RunReport.BoostMark up = r.boosts().get(0);
        RunReport.BoostMark down = r.boosts().get(r.boosts().size() - 1);
        assertEquals(99 - 30, up.to(), "to high's priority (SCHED_FIFO 30)");
        assertEquals(99 - 10, up.from(), "from low's own (SCHED_FIFO 10)");
        assertTrue(!down.raised() && down.to() == 99 - 10 && down.at() > up.at(), "and back: " + r.boosts());

        String table = r.table();
        assertTrue(table.contains("priority inheritance: 1 boost"), table);
        assertTrue(table.contains("\nthreads\n"), table);
        String gantt = r.gantt(100);
        String lowRow = gantt.lines().filter(l -> l.startsWith("  low (")).findFirst().orElseThrow(() ->
                new AssertionError(gantt));
        assertTrue(lowRow.contains("^"), "the boost on low's row: " + gantt);
        assertTrue(r.json().contains("\"boostCount\": 1,"));
        assertTrue(r.svg().contains("class=\"boost\""));
        long cpu = r.threads().stream().mapToLong(RunReport.ThreadResult::cpuCycles).sum();
        assertEquals(cpu, r.processes().get(0).cpuCycles(), "the process's CPU time is its threads'");
    }
}
