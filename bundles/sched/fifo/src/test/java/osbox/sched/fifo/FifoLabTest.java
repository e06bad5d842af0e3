package osbox.sched.fifo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.LabOutput;

/** The lab with FIFO answers as OSTEP's scheduler.py does. */
class FifoLabTest {
    /** 3,1,2: J0 0-3, J1 3-4, J2 4-6; wait equals response. */
    @Test
    void lengthsThreeOneTwo() {
        String out = LabOutput.sched(Map.of("fifo", new FifoProvider()), "--policy", "fifo", "--jobs", "3,1,2", "--json")
                .expectSuccess();
        assertEquals("{\"jobs\":[{\"id\":0,\"response\":0,\"turnaround\":3,\"wait\":0},"
                + "{\"id\":1,\"response\":3,\"turnaround\":4,\"wait\":3},"
                + "{\"id\":2,\"response\":4,\"turnaround\":6,\"wait\":4}],"
                + "\"average\":{\"response\":2.33,\"turnaround\":4.33,\"wait\":2.33}}\n",
                out);
    }
}
