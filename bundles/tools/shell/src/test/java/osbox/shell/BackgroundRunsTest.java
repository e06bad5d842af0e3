package osbox.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
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
        assertEquals(List.of("examples/programs/hello.elf"),
                BackgroundRuns.backgroundRuns("osbox:run examples/programs/hello.elf &"));
        assertEquals(List.of("a.elf x", "b.elf"),
                BackgroundRuns.backgroundRuns("  run a.elf   x& ; osbox:run b.elf &\nosbox:ps"));
        assertEquals(List.of(), BackgroundRuns.backgroundRuns("osbox:run a.elf"));
        assertEquals(List.of(), BackgroundRuns.backgroundRuns("osbox:ps &"));
        assertEquals(List.of(), BackgroundRuns.backgroundRuns("osbox:run &"));
        assertEquals(List.of(), BackgroundRuns.backgroundRuns("runner a &"));
        assertEquals(List.of(), BackgroundRuns.backgroundRuns(null));
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
        runs.lineStarts(session, "osbox:run a.elf x &");
        assertEquals(1, runs.pending(session));
        CompletableFuture<Void> ps = ps(session);
        // still waiting a moment later: the run has not said its process exists
        assertThrows(TimeoutException.class, () -> ps.get(100, TimeUnit.MILLISECONDS));
        runs.started(session, "b.elf", List.of());
        assertEquals(1, runs.pending(session), "another run is not the one pending");
        runs.started(session, "a.elf", List.of("x"));
        ps.get(BackgroundRuns.WAIT_NANOS * 2, TimeUnit.NANOSECONDS);
        assertEquals(0, runs.pending(session));
    }

    @Test
    void otherSessionsAndForegroundLinesAreNotWaitedFor() throws Exception {
        runs.lineStarts(other, "osbox:run a.elf &");
        runs.lineStarts(session, "osbox:run a.elf");
        ps(session).get(BackgroundRuns.WAIT_NANOS / 2, TimeUnit.NANOSECONDS);
        assertEquals(1, runs.pending(other));
        runs.started(session, "a.elf", List.of());
        assertEquals(1, runs.pending(other), "a run says so in its own session only");
    }
}
