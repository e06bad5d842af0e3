package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.WaitStatus;

/** Small physical memory with swap: programs whose working set is several times memory still compute the same. */
class SwapTest {
    // A run of a program on a computer with this memory and swap; returns the result and paging counters.
    private record Run(Computer.Result result, long pageOuts, long pageIns, long peakFrames, long frames) {
    }

    private static Run run(long memory, long swap, String program, List<String> args) throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(memory).withSwap(swap))) {
            Computer.Result r = c.run(Computer.example(program), args, null);
            return c.machine().call(() -> new Run(r, c.kernel().vm().pageOuts(), c.kernel().vm().pageIns(),
                    c.kernel().frames().peakUsed(), c.kernel().frames().total()));
        }
    }

    @Test
    void mallocfunInAQuarterOfItsWorkingSetGivesTheSameOutput() throws Exception {
        Run big = run(64L << 20, 0, "mallocfun", List.of());
        assertEquals(0, big.result().shellStatus());
        assertEquals(0, big.pageOuts());
        assertTrue(big.peakFrames() >= 32, "mallocfun needs " + big.peakFrames() + " frames");
        // 12 frames of memory: its page tables and a handful of pages; the rest lives in swap
        Run small = run(12 * 4096, 16L << 20, "mallocfun", List.of());
        assertEquals(0, small.result().shellStatus(), small.result().stdoutText());
        assertEquals(big.result().stdoutText(), small.result().stdoutText());
        assertTrue(big.peakFrames() >= 2.5 * small.frames(), big.peakFrames() + " vs " + small.frames());
        assertTrue(small.pageOuts() > 0, "paged out: " + small.pageOuts());
        assertTrue(small.pageIns() > 0, "paged in: " + small.pageIns());
        assertTrue(small.result().cpuCycles() > big.result().cpuCycles(), "swap transfers cost cycles");
    }

    @Test
    void aStackFourTimesMemoryOverflowsAsItWouldWithPlentyOfMemory() throws Exception {
        Run small = run(1L << 20, 16L << 20, "fault", List.of("stack-overflow"));
        assertEquals(139, small.result().shellStatus(), "SIGSEGV at the guard gap, not an OOM kill: "
                + small.result().killReport());
        assertTrue(small.pageOuts() > 500, "paged out: " + small.pageOuts());
    }

    @Test
    void withoutSwapTheHungriestProcessIsKilledAndTheOthersCarryOn() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(1L << 20))) {
            byte[] hog = Files.readAllBytes(Computer.example("fault"));
            CompletableFuture<ProcessView> hogDone = new CompletableFuture<>();
            int pid = c.machine().call(() -> {
                int p = c.kernel().spawn("fault", hog, List.of("fault", "stack-overflow"), List.of());
                c.kernel().addExitListener(v -> {
                    if (v.pid() == p) {
                        hogDone.complete(v);
                    }
                });
                return p;
            });
            Computer.Result hello = c.run(Computer.example("hello"), List.of("still", "here"), null);
            assertEquals(0, hello.shellStatus(), hello.stdoutText());
            assertTrue(hello.stdoutText().contains("still"), hello.stdoutText());
            ProcessView v = hogDone.get(2, TimeUnit.MINUTES);
            assertEquals(137, WaitStatus.shellStatus(v.waitStatus()), "SIGKILL");
            assertNotNull(v.killReport());
            assertTrue(v.killReport().startsWith("pid " + pid + " (fault) killed by SIGKILL: out of memory: resident set"),
                    v.killReport());
            assertEquals(1L, (long) c.machine().call(() -> c.kernel().oomKills()));
            // the machine is still usable
            Computer.Result again = c.run(Computer.example("hello"), List.of(), null);
            assertEquals(0, again.shellStatus());
        }
    }

    @Test
    void anInstructionThatCannotKeepItsPagesEvenUnderTheBuiltinPolicyIsAnOutOfMemoryKillNotAHang() throws Exception {
        // 6 frames: the page tables leave too few for one instruction's code and data pages, which keep
        // evicting each other; the no-progress watchdog turns the fault into out of memory
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(6 * 4096).withSwap(16L << 20))) {
            Computer.Result r = c.run(Computer.example("mallocfun"), List.of(), null);
            assertEquals(137, r.shellStatus(), r.stdoutText());
            assertTrue(r.killReport().contains("killed by SIGKILL: out of memory"), r.killReport());
            java.util.Map<String, Long> stats = c.machine().call(() -> c.memoryManager().statistics());
            assertTrue(stats.get("starvations") >= 1, stats.toString());
            assertEquals(1L, stats.get("oom.kills"), stats.toString());
            assertEquals(0L, stats.get("policy.ejections"), "the built-in policy is not ejected: " + stats);
            // the kernel carries on: with more memory the same program completes
        }
        Run enough = run(12 * 4096, 16L << 20, "mallocfun", List.of());
        assertEquals(0, enough.result().shellStatus(), enough.result().stdoutText());
    }
}
