package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import osbox.api.hw.TlbStatistics;

/**
 * Real programs under every kind of TLB (--tlb): the shape (64x4, 16xfull),
 * flush-on-switch (asid=off) and the software-managed TLB whose misses trap
 * to the kernel, which refills it from its hashed page tables
 * (refill=software). Output and exit status must be those of the default
 * TLB; only the counters differ.
 */
class TlbConfigurationsTest {
    /** A program run: its arguments, memory and swap. */
    private record Case(String program, List<String> args, long memory, long swap) {
    }

    private static final List<Case> CASES = List.of(
            new Case("hello", List.of("a", "b c"), 64L << 20, 0),
            new Case("checksum", List.of("200000"), 64L << 20, 0),
            new Case("mallocfun", List.of(), 64L << 20, 0),
            new Case("mallocfun", List.of(), 12 * 4096, 16L << 20),
            new Case("forkwait", List.of(), 64L << 20, 0),
            new Case("pipeline", List.of("300"), 64L << 20, 0),
            new Case("pipeline", List.of("200"), 128 << 10, 16L << 20),
            new Case("fault", List.of("null-read"), 64L << 20, 0),
            new Case("fault", List.of("write-text"), 64L << 20, 0));

    private record Outcome(Computer.Result result, Map<String, Long> vm, TlbStatistics tlb) {
    }

    private static Outcome run(String tlb, Case k) throws Exception {
        Computer.Options o = Computer.Options.defaults().withMemory(k.memory()).withSwap(k.swap()).withTlb(tlb)
                .withQuantum(50_000);
        try (Computer c = Computer.boot(o)) {
            Computer.Result r = c.run(Computer.example(k.program()), k.args(), null);
            return c.machine().call(() -> new Outcome(r, c.kernel().vm().statistics(),
                    c.machine().hart(0).mmu().statistics()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"refill=software", "64x4,refill=software", "asid=off", "64x4", "16xfull",
        "4x2,refill=software,asid=off"})
    void everyProgramBehavesAsUnderTheDefaultTlb(String tlb) throws Exception {
        for (Case k : CASES) {
            Outcome ref = run(null, k);
            Outcome got = run(tlb, k);
            String what = k + " under --tlb " + tlb;
            assertEquals(ref.result().shellStatus(), got.result().shellStatus(), what);
            assertEquals(ref.result().stdoutText(), got.result().stdoutText(), what);
            assertEquals(ref.result().killReport(), got.result().killReport(), what);
            assertEquals(ref.result().instructions(), got.result().instructions(), what + ": same instructions");
        }
    }

    @Test
    void softwareRefillUsesHashedTablesAndCountsRefills() throws Exception {
        Case k = new Case("mallocfun", List.of(), 12 * 4096, 16L << 20);
        Outcome sw = run("refill=software", k);
        Outcome hw = run(null, k);
        assertEquals(0, sw.result().shellStatus(), sw.result().stdoutText());
        assertEquals(1L, sw.vm().get("pagetable.hashed"));
        assertEquals(0L, hw.vm().get("pagetable.hashed"));
        assertEquals(0, sw.tlb().walks(), "no hardware walks with a software-managed TLB");
        assertTrue(sw.tlb().installs() > 0, "the kernel installed translations: " + sw.tlb());
        assertTrue(sw.tlb().misses() >= sw.tlb().installs(), sw.tlb().toString());
        assertEquals(0, hw.tlb().installs());
        assertTrue(sw.vm().get("page.outs") > 0, "paged: " + sw.vm());
    }

    @Test
    void softwareRefillIsDeterministic() throws Exception {
        Case k = new Case("pipeline", List.of("500"), 64L << 20, 0);
        Outcome a = run("refill=software", k);
        Outcome b = run("refill=software", k);
        assertEquals(0, a.result().shellStatus());
        assertEquals(a.result().traceHash(), b.result().traceHash());
        assertEquals(a.result().traceEvents(), b.result().traceEvents());
        assertEquals(a.result().cpuCycles(), b.result().cpuCycles());
        assertEquals(a.tlb(), b.tlb());
        Case m = new Case("mallocfun", List.of(), 12 * 4096, 16L << 20);
        assertEquals(run("refill=software", m).result().traceHash(), run("refill=software", m).result().traceHash());
    }

    @Test
    void aBadSpecIsRefusedWhenTheOptionsAreMade() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Computer.Options.defaults().withTlb("64x3"));
        assertTrue(e.getMessage().contains("64x3"), e.getMessage());
        assertNull(Computer.Options.defaults().tlb());
        assertEquals("16xfull", Computer.Options.defaults().withTlb("16xfull").withMemory(1 << 20).tlb(),
                "withers keep the TLB spec");
    }
}
