package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;
import osbox.api.trace.TraceKind;

/** Several programs at once: faults stay with their process; several harts share the work. */
class ConcurrencyTest {
    // Starts every (program, args) pair, waits for all, and returns their views by pid.
    private static TreeMap<Integer, ProcessView> runAll(Computer c, List<List<String>> jobs) throws Exception {
        TreeMap<Integer, ProcessView> done = new TreeMap<>();
        CompletableFuture<Void> all = new CompletableFuture<>();
        c.machine().call(() -> {
            c.kernel().addExitListener(v -> {
                done.put(v.pid(), v);
                if (done.size() == jobs.size()) {
                    all.complete(null);
                }
            });
            return null;
        });
        for (List<String> job : jobs) {
            byte[] image = Files.readAllBytes(Computer.example(job.get(0)));
            c.start(job.get(0), image, job.subList(1, job.size()));
        }
        all.get(5, TimeUnit.MINUTES);
        return done;
    }

    @Test
    void aFaultingProgramDoesNotDisturbTheOthers() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withQuantum(10_000))) {
            TreeMap<Integer, ProcessView> done = runAll(c, List.of(
                    List.of("checksum", "200000"), List.of("fault", "null-write"), List.of("fault", "illegal"),
                    List.of("exitcode", "5")));
            assertEquals(0, WaitStatus.shellStatus(done.get(1).waitStatus()));
            assertEquals(139, WaitStatus.shellStatus(done.get(2).waitStatus()));
            assertEquals(132, WaitStatus.shellStatus(done.get(3).waitStatus()));
            assertEquals(5, WaitStatus.shellStatus(done.get(4).waitStatus()));
            assertTrue(done.get(1).instructions() > done.get(2).instructions());
            // every frame went back: nothing leaked by the kills
            assertEquals(0, (long) c.machine().call(() -> c.kernel().frames().used()));
        }
    }

    @Test
    void twoHartsRunTwoProgramsInParallel() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withHarts(2))) {
            TreeMap<Integer, ProcessView> done = runAll(c, List.of(
                    List.of("checksum", "300000"), List.of("checksum", "300000")));
            assertEquals(0, WaitStatus.shellStatus(done.get(1).waitStatus()));
            assertEquals(0, WaitStatus.shellStatus(done.get(2).waitStatus()));
            long[] perHart = new long[2];
            c.machine().call(() -> {
                c.machine().tracer().events().stream()
                        .filter(e -> e.kind() == TraceKind.CONTEXT_SWITCH && e.b() != 0)
                        .forEach(e -> perHart[e.hart()]++);
                return null;
            });
            assertTrue(perHart[0] > 0 && perHart[1] > 0, "both harts ran a process");
            long busy = c.machine().statistics().busyCycles();
            long elapsed = Math.max(done.get(1).exitedAt(), done.get(2).exitedAt());
            assertTrue(busy > elapsed, "more busy cycles than elapsed time: the harts overlapped");
        }
    }
}
