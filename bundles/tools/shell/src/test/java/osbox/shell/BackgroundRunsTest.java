package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.felix.service.command.Job;
import org.junit.jupiter.api.Test;

/** osbox:ps waits for the background runs of its session that have not made their process yet. */
class BackgroundRunsTest {
    private final BackgroundRuns runs = new BackgroundRuns();

    // A Gogo job running command, in the given status.
    private static Job job(String command, Job.Status status) {
        return (Job) Proxy.newProxyInstance(BackgroundRunsTest.class.getClassLoader(), new Class<?>[] {Job.class},
                (proxy, m, a) -> switch (m.getName()) {
                    case "command" -> command;
                    case "status" -> status;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == a[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void onlyRunsOfProgramsAreWaitedFor() {
        assertTrue(BackgroundRuns.runsProgram("osbox:run examples/programs/hello.elf"));
        assertTrue(BackgroundRuns.runsProgram("  run a.elf x | tac"));
        assertFalse(BackgroundRuns.runsProgram("osbox:ps"));
        assertFalse(BackgroundRuns.runsProgram("runner"));
        assertFalse(BackgroundRuns.runsProgram(null));
    }

    @Test
    void psWaitsUntilTheBackgroundRunHasMadeItsProcess() throws Exception {
        Job background = job("osbox:run a.elf", Job.Status.Background);
        Job self = job("osbox:ps", Job.Status.Foreground);
        CompletableFuture<Void> ps = CompletableFuture.runAsync(() -> {
            try {
                runs.awaitStarted(List.of(background, self), self);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // still waiting a moment later: the run has not said its process exists
        assertThrows(TimeoutException.class, () -> ps.get(100, TimeUnit.MILLISECONDS));
        runs.started(background);
        ps.get(BackgroundRuns.WAIT_NANOS * 2, TimeUnit.NANOSECONDS);
        assertTrue(ps.isDone());
    }

    @Test
    void endedJobsAndOtherCommandsAreNotWaitedFor() throws Exception {
        Job done = job("osbox:run a.elf", Job.Status.Done);
        Job other = job("lb", Job.Status.Background);
        CompletableFuture<Void> ps = CompletableFuture.runAsync(() -> {
            try {
                runs.awaitStarted(List.of(done, other), null);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(null, ps.get(BackgroundRuns.WAIT_NANOS / 2, TimeUnit.NANOSECONDS));
    }
}
