package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The deadlocks a run's kernel found: a line each in the table, an array in the JSON, none by default. */
class DeadlockReportTest {
    private static final String TEXT = "deadlock 1: pid 2 (b) waits for pipe:[1] (data, from its writers), held by"
            + " pid 1 (a); pid 1 (a) waits for pipe:[2] (data, from its writers), held by pid 2 (b) (reported)";

    // the synthetic run of RunReportTest, with one deadlock at 7 ms
    private static RunReport withDeadlock() {
        RunReport r = RunReportTest.synthetic();
        return new RunReport(r.workload(), r.file(), r.policy(), r.finalPolicy(), r.frequencyHz(), r.harts(),
                r.startCycle(), r.elapsed(), r.busyCycles(), r.processes(), r.swaps(), r.ejections(), r.slices(),
                r.syscalls(), r.syscallsDropped(), r.traceComplete(), r.traceStart(), r.others(), r.memory(),
                List.of(new RunReport.DeadlockMark(7_000_000, 2, TEXT)));
    }

    @Test
    void theTableHasALinePerDeadlock() {
        assertTrue(withDeadlock().table().contains("\nat 7.000 ms: " + TEXT + "\n"), withDeadlock().table());
        assertEquals(List.of(), RunReportTest.synthetic().deadlocks());
        assertTrue(!RunReportTest.synthetic().table().contains("deadlock"));
    }

    @Test
    void theJsonListsThem() {
        String json = withDeadlock().json();
        assertTrue(json.contains("\"deadlocks\": [\n    {\n      \"at\": 7000000,\n      \"pid\": 2,\n      \"text\": \""
                + TEXT + "\"\n    }\n  ],"), json);
        assertTrue(RunReportTest.synthetic().json().contains("\"deadlocks\": [],"), RunReportTest.synthetic().json());
    }
}
