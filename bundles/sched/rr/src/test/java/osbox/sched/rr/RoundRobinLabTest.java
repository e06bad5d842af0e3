package osbox.sched.rr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.api.sched.SchedulingPolicyProvider;
import osbox.testkit.lab.SchedLab;

/** The lab with round robin answers as OSTEP's scheduler.py does. */
class RoundRobinLabTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the lab with only rr known; returns the exit status. */
    private int lab(String... args) {
        Map<String, SchedulingPolicyProvider> p = Map.of("rr", new RoundRobinProvider());
        return SchedLab.run(args, p, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Reference case: quantum 1, lengths 3,1,2, as a table. */
    @Test
    void referenceCaseTable() {
        assertEquals(0, lab("--policy", "rr", "--jobs", "3,1,2", "--quantum", "1"));
        String s = out.toString(StandardCharsets.UTF_8);
        String stats = s.substring(s.indexOf("Final statistics:"));
        assertEquals("Final statistics:\n"
                + "  Job   0 -- Response: 0.00  Turnaround 6.00  Wait 3.00\n"
                + "  Job   1 -- Response: 1.00  Turnaround 2.00  Wait 1.00\n"
                + "  Job   2 -- Response: 2.00  Turnaround 5.00  Wait 3.00\n"
                + "\n  Average -- Response: 1.00  Turnaround 4.33  Wait 2.33\n", stats);
        assertEquals(true, s.contains("[ time   1 ] Run JOB 1 for 1 ( DONE at 2 )"), s);
    }

    /** Reference case: quantum 1, lengths 3,1,2, as JSON. */
    @Test
    void referenceCaseJson() {
        assertEquals(0, lab("--policy", "rr", "--jobs", "3,1,2", "--quantum", "1", "--json"));
        assertEquals("{\"jobs\":[{\"id\":0,\"response\":0,\"turnaround\":6,\"wait\":3},"
                + "{\"id\":1,\"response\":1,\"turnaround\":2,\"wait\":1},"
                + "{\"id\":2,\"response\":2,\"turnaround\":5,\"wait\":3}],"
                + "\"average\":{\"response\":1.00,\"turnaround\":4.33,\"wait\":2.33}}\n",
                out.toString(StandardCharsets.UTF_8));
    }

    /** Quantum 2 on 3,1,2: J0 0-2, J1 2-3, J2 3-5, J0 5-6. */
    @Test
    void quantumTwo() {
        assertEquals(0, lab("--policy", "rr", "--jobs", "3,1,2", "--quantum", "2", "--json"));
        assertEquals("{\"jobs\":[{\"id\":0,\"response\":0,\"turnaround\":6,\"wait\":3},"
                + "{\"id\":1,\"response\":2,\"turnaround\":3,\"wait\":2},"
                + "{\"id\":2,\"response\":3,\"turnaround\":5,\"wait\":3}],"
                + "\"average\":{\"response\":1.67,\"turnaround\":4.67,\"wait\":2.67}}\n",
                out.toString(StandardCharsets.UTF_8));
    }

    /** Bad arguments: one line on stderr, status 2. */
    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, lab("--policy", "rr", "--jobs", "3,x,2"));
        assertEquals(2, lab("--policy", "nope", "--jobs", "3"));
        assertEquals(2, lab("--policy", "rr", "--jobs", "3", "--quantum", "0"));
        assertEquals(2, lab("--frobnicate"));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(4, e.lines().count(), e);
        assertEquals(0, lab("--help"));
    }
}
