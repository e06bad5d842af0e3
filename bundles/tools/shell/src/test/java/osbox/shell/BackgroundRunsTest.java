package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** osbox:ps waits for the background runs of its session that have not made their process yet. */
class BackgroundRunsTest {
    private final BackgroundRuns runs = new BackgroundRuns();
    private final Object session = new Object();
    private final Object other = new Object();

    @Test
    void onlyBackgroundRunsOfProgramsCount() {
        assertEquals(1, BackgroundRuns.backgroundRuns("osbox:run examples/programs/hello.elf &"));
        assertEquals(2, BackgroundRuns.backgroundRuns("  run a.elf x & ; osbox:run b.elf &\nosbox:ps"));
        assertEquals(0, BackgroundRuns.backgroundRuns("osbox:run a.elf"));
        assertEquals(0, BackgroundRuns.backgroundRuns("osbox:ps &"));
        assertEquals(0, BackgroundRuns.backgroundRuns("runner a &"));
        assertEquals(0, BackgroundRuns.backgroundRuns(null));
    }

    // ps in another thread: completes when awaitStarted returns.
    private CompletableFuture<Void> ps(Object in) {
        return CompletableFuture.runAsync(() -> {
            try {
                runs.awaitStarted(in);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void psWaitsUntilTheBackgroundRunHasMadeItsProcess() throws Exception {
        runs.lineStarts(session, "osbox:run a.elf &");
        assertEquals(1, runs.pending(session));
        CompletableFuture<Void> ps = ps(session);
        // still waiting a moment later: the run has not said its process exists
        assertThrows(TimeoutException.class, () -> ps.get(100, TimeUnit.MILLISECONDS));
        runs.started(session);
        ps.get(BackgroundRuns.WAIT_NANOS * 2, TimeUnit.NANOSECONDS);
        assertEquals(0, runs.pending(session));
    }

    @Test
    void otherSessionsAndForegroundLinesAreNotWaitedFor() throws Exception {
        runs.lineStarts(other, "osbox:run a.elf &");
        runs.lineStarts(session, "osbox:run a.elf");
        ps(session).get(BackgroundRuns.WAIT_NANOS / 2, TimeUnit.NANOSECONDS);
        assertEquals(1, runs.pending(other));
        runs.started(session);
        assertEquals(1, runs.pending(other), "a run says so in its own session only");
    }
}
