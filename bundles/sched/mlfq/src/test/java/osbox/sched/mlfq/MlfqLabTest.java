package osbox.sched.mlfq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.LabOutput;

/** The lab with MLFQ answers as OSTEP's mlfq.py does. */
class MlfqLabTest {
    /** Runs the lab with args; returns stdout. */
    private static String lab(String... args) {
        return LabOutput.sched(Map.of("mlfq", new MlfqProvider()), args).expectSuccess();
    }

    /** Reference case: 2 queues, quantum 2, allotment 1, I/O time 2, jobs 0,4,0:1,3,2. */
    @Test
    void referenceCase() {
        String[] args = {"--policy", "mlfq", "--queues", "2", "--quantum", "2", "--allot", "1", "--io-time", "2",
            "--jobs", "0,4,0:1,3,2"};
        String s = lab(args);
        String stats = s.substring(s.indexOf("Final statistics:"));
        assertEquals("Final statistics:\n"
                + "  Job   0 -- Response: 0.00  Turnaround 6.00  Wait 2.00\n"
                + "  Job   1 -- Response: 1.00  Turnaround 6.00  Wait 1.00\n"
                + "\n  Average -- Response: 0.50  Turnaround 6.00  Wait 1.50\n", stats);
        String[] json = java.util.Arrays.copyOf(args, args.length + 1);
        json[args.length] = "--json";
        assertEquals("{\"jobs\":[{\"id\":0,\"response\":0,\"turnaround\":6,\"wait\":2},"
                + "{\"id\":1,\"response\":1,\"turnaround\":6,\"wait\":1}],"
                + "\"average\":{\"response\":0.50,\"turnaround\":6.00,\"wait\":1.50}}\n", lab(json));
    }

    /** OSTEP figure 8.3 ("along came a short job"): 3 queues, quantum 10; B (20) arrives at 100 beside A (200). */
    @Test
    void alongCameAShortJob() {
        assertEquals("{\"jobs\":[{\"id\":0,\"response\":0,\"turnaround\":220,\"wait\":20},"
                + "{\"id\":1,\"response\":0,\"turnaround\":20,\"wait\":0}],"
                + "\"average\":{\"response\":0.00,\"turnaround\":120.00,\"wait\":10.00}}\n",
                lab("--policy", "mlfq", "--queues", "3", "--quantum", "10", "--jobs", "0,200,0:100,20,0", "--json"));
    }

    /** Per-level quanta, highest first, set the number of queues as mlfq.py -Q does. */
    @Test
    void quantumListSetsQueues() {
        String a = lab("--policy", "mlfq", "--quantum", "2,4", "--jobs", "0,10,0:0,3,0", "--json");
        assertEquals(a, lab("--policy", "mlfq", "--queues", "2", "--quantum", "2,4", "--jobs", "0,10,0:0,3,0", "--json"));
    }
}
