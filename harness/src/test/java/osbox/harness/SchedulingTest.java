package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;
import osbox.api.sched.EnqueueReason;
import osbox.api.sched.PolicyContext;
import osbox.api.sched.SchedTask;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.api.sched.StopReason;

/** Scheduling policies on the whole computer: each shipped one, live swaps, ejection of broken ones. */
class SchedulingTest {
    private static final List<String> POLICIES =
            List.of("fifo", "sjf", "stcf", "rr", "priority", "mlfq", "lottery", "stride", "cfs");

    // Starts n checksum programs and waits for all; returns them by pid.
    private static TreeMap<Integer, ProcessView> runChecksums(Computer c, int n, String iterations) throws Exception {
        return runChecksums(c, n, iterations, () -> { });
    }

    // The same, running 'script' (which may schedule events) in the same safe-point task as the spawns:
    // an idle machine moves its clock to the next event, so anything scripted must start with the programs.
    private static TreeMap<Integer, ProcessView> runChecksums(Computer c, int n, String iterations, Runnable script)
            throws Exception {
        TreeMap<Integer, ProcessView> done = new TreeMap<>();
        CompletableFuture<Void> all = new CompletableFuture<>();
        c.machine().call(() -> {
            c.kernel().addExitListener(v -> {
                done.put(v.pid(), v);
                if (done.size() == n) {
                    all.complete(null);
                }
            });
            return null;
        });
        byte[] image = Files.readAllBytes(Computer.example("checksum"));
        // all in one safe-point task, so their creation times do not depend on host timing
        c.machine().call(() -> {
            script.run();
            for (int i = 0; i < n; i++) {
                c.kernel().spawn("checksum", image, List.of("checksum", iterations), List.of());
            }
            return null;
        });
        all.get(2, TimeUnit.MINUTES);
        return done;
    }

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "sjf", "stcf", "rr", "priority", "mlfq", "lottery", "stride", "cfs"})
    void everyShippedPolicyRunsRealPrograms(String policy) throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withQuantum(50_000))) {
            assertTrue(c.schedule(policy, Map.of()), policy + " is available");
            TreeMap<Integer, ProcessView> done = runChecksums(c, 4, "100000");
            for (ProcessView v : done.values()) {
                assertEquals(0, WaitStatus.shellStatus(v.waitStatus()), policy + ": " + v);
            }
            assertEquals(policy, c.machine().call(() -> c.kernel().dispatcher().slot().activeName()));
            assertTrue(c.machine().call(() -> c.kernel().dispatcher().slot().ejections()).isEmpty(), policy);
        }
    }

    // Runs 12 programs while the policy changes every 'every' cycles through all of them; returns the trace hash.
    private static long swapRun(long every) throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withQuantum(20_000))) {
            TreeMap<Integer, ProcessView> done = runChecksums(c, 12, "60000", () -> {
                for (int i = 1; i <= 40; i++) {
                    String p = POLICIES.get(i % POLICIES.size());
                    c.machine().events().schedule(i * every, () -> c.kernel().dispatcher().select(p, Map.of()));
                }
            });
            assertEquals(12, done.size());
            for (ProcessView v : done.values()) {
                assertEquals(0, WaitStatus.shellStatus(v.waitStatus()), v.toString());
            }
            assertTrue(c.machine().call(() -> c.kernel().dispatcher().slot().swaps()) >= 20, "swaps happened");
            return c.machine().call(() -> c.machine().tracer().hash());
        }
    }

    @Test
    void liveSwapsAtFixedTimesLoseNothingAndRepeatBitForBit() throws Exception {
        long a = swapRun(150_000);
        long b = swapRun(150_000);
        assertEquals(a, b, "the same swaps at the same simulated times give the same trace");
    }

    /** A policy that misbehaves in a chosen way after its first few picks. */
    private static final class BrokenPolicy implements SchedulingPolicy {
        private final String how;
        private final List<SchedTask> queue = new ArrayList<>();
        private SchedTask last;
        private int picks;

        BrokenPolicy(String how) {
            this.how = how;
        }

        @Override
        public void attach(PolicyContext context, List<SchedTask> runnable, SchedTask[] running) {
            queue.addAll(runnable);
        }

        @Override
        public void enqueue(SchedTask task, EnqueueReason reason) {
            queue.add(task);
        }

        @Override
        public void dequeue(SchedTask task) {
            queue.remove(task);
        }

        @Override
        public SchedTask pick(int hart) {
            if (++picks > 3) {
                switch (how) {
                    case "throws": throw new IllegalStateException("broken on purpose");
                    case "stale": return last;
                    case "starves": return null;
                    default: break;
                }
            }
            last = queue.isEmpty() ? null : queue.remove(0);
            return last;
        }

        @Override
        public long slice(SchedTask task, int hart) {
            return 20_000;
        }

        @Override
        public void ran(SchedTask task, long cycles, StopReason reason) {
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"throws", "stale", "starves"})
    void aBrokenPolicyIsEjectedAndEverythingCompletes(String how) throws Exception {
        Computer.Options o = Computer.Options.defaults().withQuantum(20_000);
        try (Computer c = Computer.boot(o)) {
            c.machine().call(() -> {
                c.kernel().dispatcher().addProvider("broken", new SchedulingPolicyProvider() {
                    @Override public String describe() { return "broken: " + how; }
                    @Override public Map<String, String> defaults() { return Map.of(); }
                    @Override public SchedulingPolicy create(Map<String, String> options) { return new BrokenPolicy(how); }
                });
                return null;
            });
            assertTrue(c.schedule("broken", Map.of()));
            TreeMap<Integer, ProcessView> done = how.equals("starves")
                    ? runWithShortWatchdog(c) : runChecksums(c, 3, "50000");
            for (ProcessView v : done.values()) {
                assertEquals(0, WaitStatus.shellStatus(v.waitStatus()), v.toString());
            }
            var ejections = c.machine().call(() -> c.kernel().dispatcher().slot().ejections());
            assertEquals(1, ejections.size(), ejections.toString());
            assertEquals("broken", ejections.get(0).policy());
            assertEquals("builtin", c.machine().call(() -> c.kernel().dispatcher().slot().activeName()));
            boolean traced = c.machine().call(() -> c.machine().tracer().events().stream()
                    .anyMatch(e -> e.text() != null && e.text().contains("ejected")));
            assertTrue(traced, "the ejection is in the trace");
        }
    }

    // The watchdog is 30 simulated seconds by default: long programs would be needed; a
    // starving policy leaves harts idle, so the clock jumps to the watchdog's check at once.
    private static TreeMap<Integer, ProcessView> runWithShortWatchdog(Computer c) throws Exception {
        return runChecksums(c, 3, "20000");
    }
}
