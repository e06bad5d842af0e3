package osbox.sched.sjf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import osbox.testkit.lab.LabOutput;

/** The lab with SJF answers as OSTEP's scheduler.py does (stable sort by length). */
class SjfLabTest {
    /** Runs the lab with args; returns stdout. */
    private static String lab(String... args) {
        return LabOutput.sched(Map.of("sjf", new SjfProvider()), args).expectSuccess();
    }

    /** 3,1,2: J1 0-1, J2 1-3, J0 3-6. */
    @Test
    void lengthsThreeOneTwo() {
        assertEquals("{\"jobs\":[{\"id\":0,\"response\":3,\"turnaround\":6,\"wait\":3},"
                + "{\"id\":1,\"response\":0,\"turnaround\":1,\"wait\":0},"
                + "{\"id\":2,\"response\":1,\"turnaround\":3,\"wait\":1}],"
                + "\"average\":{\"response\":1.33,\"turnaround\":3.33,\"wait\":1.33}}\n",
                lab("--policy", "sjf", "--jobs", "3,1,2", "--json"));
    }

    /** Equal lengths keep job order (scheduler.py sorts stably). */
    @Test
    void tiesKeepJobOrder() {
        String s = lab("--policy", "sjf", "--jobs", "2,1,2,1", "--json");
        assertEquals("{\"jobs\":[{\"id\":0,\"response\":2,\"turnaround\":4,\"wait\":2},"
                + "{\"id\":1,\"response\":0,\"turnaround\":1,\"wait\":0},"
                + "{\"id\":2,\"response\":4,\"turnaround\":6,\"wait\":4},"
                + "{\"id\":3,\"response\":1,\"turnaround\":2,\"wait\":1}],"
                + "\"average\":{\"response\":1.75,\"turnaround\":3.25,\"wait\":1.75}}\n", s);
    }
}
