package osbox.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The same program and inputs give the same counts and the same trace, bit for bit. */
class DeterminismTest {
    private static Computer.Result once(String program, List<String> args) throws Exception {
        try (Computer c = Computer.boot(Computer.Options.defaults().withQuantum(20_000))) {
            return c.run(Computer.example(program), args, null);
        }
    }

    @Test
    void twoRunsGiveIdenticalCountsAndTraceHash() throws Exception {
        Computer.Result a = once("checksum", List.of("300000"));
        Computer.Result b = once("checksum", List.of("300000"));
        assertEquals(0, a.shellStatus());
        assertEquals(a.stdoutText(), b.stdoutText());
        assertEquals(a.instructions(), b.instructions());
        assertEquals(a.cpuCycles(), b.cpuCycles());
        assertEquals(a.machine().instret(), b.machine().instret());
        assertEquals(a.machine().now(), b.machine().now());
        assertEquals(a.traceEvents(), b.traceEvents());
        assertEquals(a.traceHash(), b.traceHash());
        assertTrue(a.traceEvents() > 10, "the trace recorded the run: " + a.traceEvents());
    }

    @Test
    void aDifferentInputGivesADifferentTrace() throws Exception {
        Computer.Result a = once("checksum", List.of("300000"));
        Computer.Result b = once("checksum", List.of("300001"));
        assertTrue(a.traceHash() != b.traceHash() || a.machine().instret() != b.machine().instret());
    }
}
