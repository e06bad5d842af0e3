package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import osbox.api.trace.TraceKind;

/** The built-in round robin shares one hart between CPU-bound programs. */
class InterleavingTest {
    @Test
    void twoCpuBoundProgramsTakeTurnsOnTheTimer() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withQuantum(50_000))) {
            byte[] image = Files.readAllBytes(Computer.example("checksum"));
            CompletableFuture<Void> both = new CompletableFuture<>();
            int[] exited = new int[1];
            c.machine().call(() -> {
                c.kernel().addExitListener(v -> {
                    if (++exited[0] == 2) {
                        both.complete(null);
                    }
                });
                return null;
            });
            int a = c.start("checksum", image, List.of("400000"));
            int b = c.start("checksum", image, List.of("400000"));
            both.get(5, TimeUnit.MINUTES);
            long switches = c.machine().call(() -> c.machine().tracer().events().stream()
                    .filter(e -> e.kind() == TraceKind.CONTEXT_SWITCH && e.b() != 0).count());
            assertTrue(switches > 10, "the two programs alternated many times: " + switches);
            long aToB = c.machine().call(() -> c.machine().tracer().events().stream()
                    .filter(e -> e.kind() == TraceKind.CONTEXT_SWITCH && e.a() == a && e.b() == b).count());
            assertTrue(aToB > 3, "switches from one to the other: " + aToB);
            assertEquals(0, c.machine().call(() -> c.kernel().processes().size()));
        }
    }
}
