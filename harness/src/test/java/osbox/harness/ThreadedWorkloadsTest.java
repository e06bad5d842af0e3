package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import osbox.workload.RunReport;
import osbox.workload.Workload;

/**
 * The workloads that compare scheduling policies on threaded programs
 * (examples/workloads/threads-*.yaml, running glibc-threads/workers.elf
 * beside single-threaded hogs): each loads and runs to completion under its
 * own policy, and threads are tasks to the policy (a process of four
 * threads gets four shares of the hart, as four processes do).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ThreadedWorkloadsTest {
    private static final Path SAMPLES = Path.of("target/workloads");

    private static RunReport.ProcessResult byName(RunReport r, String label) {
        return r.processes().stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"threads-vs-hogs.yaml", "threads-vs-procs.yaml", "threads-2harts.yaml"})
    void everyThreadedWorkloadRunsToCompletion(String file) throws Exception {
        Workload w = Workload.load(Computer.repositoryRoot().resolve("examples/workloads").resolve(file));
        RunReport r = WorkloadTest.run(w);
        assertEquals(w.processes().size(), r.processes().size());
        assertTrue(r.ejections().isEmpty(), r.ejections().toString());
        for (RunReport.ProcessResult p : r.processes()) {
            assertEquals("exited 0", p.status(), p + "\n" + r.table());
            assertTrue(p.completion() > p.firstRun() && p.firstRun() >= p.arrival(), p.toString());
        }
        assertTrue(r.utilisation() > 0.5 && r.utilisation() <= 1.0, "utilisation " + r.utilisation());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rr", "cfs", "mlfq", "lottery", "stride"})
    void theTwoHartWorkloadRunsUnderEveryPolicy(String policy) throws Exception {
        Workload w = Workload.load(Computer.repositoryRoot().resolve("examples/workloads/threads-2harts.yaml"));
        RunReport r = WorkloadTest.run(w.withScheduler(policy, Map.of()));
        Files.createDirectories(SAMPLES);
        Files.writeString(SAMPLES.resolve("threads-2harts-" + policy + ".txt"), r.table() + "\n" + r.gantt(100));
        assertEquals(2, r.harts());
        assertEquals(policy, r.policy());
        for (RunReport.ProcessResult p : r.processes()) {
            assertEquals("exited 0", p.status(), p + "\n" + r.table());
        }
        // 89 ms of CPU in all (two 20 ms hogs, four 10 ms threads, 9 ms of
        // interactive work) on two harts: done in well under 89 ms
        assertTrue(r.elapsed() < 80_000_000L, r.table());
    }

    @Test
    void aProcessOfFourThreadsGetsFourSharesOfTheHartUnderRoundRobin() throws Exception {
        RunReport r = WorkloadTest.run("threads-vs-hogs.yaml");
        // four 10 ms threads against two 40 ms hogs: four shares of six, so
        // the threaded process is done well before the hogs
        long threaded = byName(r, "threaded").completion();
        assertTrue(threaded < byName(r, "hog#1").completion() * 2 / 3, r.table());
        assertTrue(threaded < byName(r, "hog#2").completion() * 2 / 3, r.table());
    }

    @Test
    void fourThreadsAndFourProcessesAreTreatedAlikeByCfs() throws Exception {
        Workload w = Workload.load(Computer.repositoryRoot().resolve("examples/workloads/threads-vs-procs.yaml"));
        RunReport r = WorkloadTest.run(w.withScheduler("cfs", Map.of()));
        long threads = byName(r, "threads").turnaround();
        long procs = byName(r, "procs").turnaround();
        assertTrue(Math.abs(threads - procs) < Math.max(threads, procs) / 10,
                "within 10%: threads " + threads + ", processes " + procs + "\n" + r.table());
    }
}
