package osbox.sched.stcf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.LabOutput;

/** The lab with STCF and arrivals. */
class StcfLabTest {
    /** Runs the lab with args; returns stdout. */
    private static String lab(String... args) {
        return LabOutput.sched(Map.of("stcf", new StcfProvider()), args).expectSuccess();
    }

    /** A 10 @0, B 3 @2, C 2 @3: A 0-2, B 2-5 (C ties B, no preemption), C 5-7, A 7-15. */
    @Test
    void arrivalsPreempt() {
        assertEquals("{\"jobs\":[{\"id\":0,\"response\":0,\"turnaround\":15,\"wait\":5},"
                + "{\"id\":1,\"response\":0,\"turnaround\":3,\"wait\":0},"
                + "{\"id\":2,\"response\":2,\"turnaround\":4,\"wait\":2}],"
                + "\"average\":{\"response\":0.67,\"turnaround\":7.33,\"wait\":2.33}}\n",
                lab("--policy", "stcf", "--jobs", "10,3,2", "--arrivals", "0,2,3", "--json"));
    }

    /** The same jobs in OSTEP's triple syntax give the same answer. */
    @Test
    void tripleSyntax() {
        assertEquals(lab("--policy", "stcf", "--jobs", "10,3,2", "--arrivals", "0,2,3", "--json"),
                lab("--policy", "stcf", "--jobs", "0,10,0:2,3,0:3,2,0", "--json"));
    }
}
