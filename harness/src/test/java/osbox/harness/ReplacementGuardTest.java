package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.MemoryUsage;
import osbox.api.kernel.ProcessView;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.kernel.support.PolicySlot;
import osbox.policy.support.PageListPolicy;

/**
 * On the machine: the page-replacement watchdog ejects a policy whose victims
 * keep a process from progressing, and programs still complete correctly;
 * access sampling makes LRU differ from FIFO; TLB work is charged to the
 * process that did it.
 */
class ReplacementGuardTest {

    /** A broken policy: always evicts the page loaded most recently (even the one the fault just brought in). */
    static final class EvictNewest extends PageListPolicy {
        EvictNewest() {
            super(Order.LOAD);
        }

        @Override
        public PageView victim() {
            return pages().pollLast();
        }
    }

    static ReplacementPolicyProvider provider(ReplacementPolicy p) {
        return new ReplacementPolicyProvider() {
            public String describe() { return "evicts the newest page"; }
            public Map<String, String> defaults() { return Map.of(); }
            public ReplacementPolicy create(Map<String, String> options) { return p; }
        };
    }

    @Test
    void aPolicyThatStopsAProgramIsEjectedAndTheProgramCompletes() throws Exception {
        Computer.Result reference;
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            reference = c.run(Computer.example("mallocfun"), List.of(), null);
        }
        // 10 frames: a few beyond the page tables, so the code, stack and data pages an instruction needs compete
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(10 * 4096).withSwap(16L << 20))) {
            c.machine().call(() -> {
                c.memoryManager().addProvider("newest", provider(new EvictNewest()));
                return c.memoryManager().select("newest", Map.of());
            });
            Computer.Result r = c.run(Computer.example("mallocfun"), List.of(), null);
            assertEquals(0, r.shellStatus(), r.stdoutText());
            assertEquals(reference.stdoutText(), r.stdoutText(), "the same output");
            List<PolicySlot.Ejection> ejections = c.machine().call(() -> c.memoryManager().slot().ejections());
            assertEquals(1, ejections.size(), ejections.toString());
            assertEquals("newest", ejections.get(0).policy());
            assertTrue(ejections.get(0).reason().startsWith("no progress: pid "), ejections.get(0).reason());
            assertTrue(c.machine().call(() -> c.memoryManager().slot().isFallback()));
            assertEquals(1L, (long) c.machine().call(() -> c.memoryManager().statistics().get("policy.ejections")));
        }
    }

    // Runs memtouch with args under a policy on 64 frames with swap; returns page-ins, page-outs and the output.
    private static long[] paging(String policy, List<String> args) throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(256 * 1024).withSwap(16L << 20))) {
            c.machine().call(() -> {
                c.memoryManager().addProvider("fifo", new osbox.vm.replace.fifo.FifoProvider());
                c.memoryManager().addProvider("lru", new osbox.vm.replace.lru.LruProvider());
                return c.memoryManager().select(policy, Map.of());
            });
            Computer.Result r = c.run(Computer.example("memtouch"), args, null);
            assertEquals(0, r.shellStatus(), r.stdoutText());
            return c.machine().call(() -> new long[] {c.memoryManager().pageIns(), c.memoryManager().pageOuts(),
                    r.stdoutText().hashCode(), c.memoryManager().statistics().get("access.samples")});
        }
    }

    @Test
    void withSampledReferenceBitsLruKeepsTheHotPagesThatFifoEvicts() throws Exception {
        List<String> hot = List.of("pages=192", "passes=4", "pattern=hot:24", "write");
        long[] fifo = paging("fifo", hot);
        long[] lru = paging("lru", hot);
        assertEquals(fifo[2], lru[2], "the same checksum");
        assertEquals(0, fifo[3], "FIFO asks for no sampling");
        assertTrue(lru[3] > 0, "LRU's reference bits were sampled");
        assertTrue(lru[0] < fifo[0], "LRU pages in less than FIFO: " + lru[0] + " vs " + fifo[0]);
    }

    @Test
    void tlbMissesAreChargedToTheProcessThatTouchedManyPages() throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults())) {
            byte[] image = Files.readAllBytes(Computer.example("memtouch"));
            CompletableFuture<ProcessView> wide = new CompletableFuture<>();
            CompletableFuture<ProcessView> narrow = new CompletableFuture<>();
            c.machine().call(() -> {
                int w = c.kernel().spawn("memtouch", image, List.of("memtouch", "pages=1024", "passes=4",
                        "pattern=loop"), List.of());
                int n = c.kernel().spawn("memtouch", image, List.of("memtouch", "pages=2", "passes=2000",
                        "pattern=loop"), List.of());
                c.kernel().addExitListener(v -> {
                    if (v.pid() == w) {
                        wide.complete(v);
                    } else if (v.pid() == n) {
                        narrow.complete(v);
                    }
                });
                return null;
            });
            ProcessView w = wide.get(5, TimeUnit.MINUTES);
            ProcessView n = narrow.get(5, TimeUnit.MINUTES);
            MemoryUsage wm = c.machine().call(w::memory);
            MemoryUsage nm = c.machine().call(n::memory);
            assertTrue(wm.tlbAccesses() > 0 && nm.tlbAccesses() > 0, wm + " / " + nm);
            assertTrue(wm.tlbMisses() > 4 * 1024, "a miss at least per page per pass: " + wm);
            assertTrue(wm.tlbMisses() > 20 * nm.tlbMisses(), wm + " vs " + nm);
            assertTrue(wm.tlbHitRate() < nm.tlbHitRate());
            // together they are (about) the machine's: nothing else ran but the idle kernel
            long total = c.machine().call(() -> c.machine().statistics().tlb().misses());
            assertTrue(wm.tlbMisses() + nm.tlbMisses() <= total, "charged misses within the machine's");
            assertFalse(wm.isEmpty());
        }
    }

    @Test
    void theEjectionIsInTheRunReport(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("tight.yaml");
        Files.writeString(f, "processes: [{program: " + Computer.example("mallocfun") + "}]\n");
        try (Computer c = Computer.boot(Computer.Options.defaults().withMemory(10 * 4096).withSwap(16L << 20))) {
            c.machine().call(() -> {
                c.memoryManager().addProvider("newest", provider(new EvictNewest()));
                return c.memoryManager().select("newest", Map.of());
            });
            osbox.workload.RunReport r = osbox.workload.WorkloadRunner.run(osbox.workload.Workload.load(f),
                    c.machine(), c.kernel(), c.schedulerControl(), c.replacementControl(), java.time.Duration.ofMinutes(5));
            assertEquals(1, r.completed().size(), r.table());
            assertEquals(1, r.ejections().size(), r.ejections().toString());
            assertEquals("newest (page replacement)", r.ejections().get(0).policy());
            assertTrue(r.ejections().get(0).reason().startsWith("no progress: pid "), r.ejections().get(0).reason());
            assertTrue(r.table().contains("newest (page replacement)"), r.table());
        }
    }
}
