package osbox.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run's threads and priority boosts: a thread table and boost lines in the
 * text, arrays in the JSON, indented thread rows with ^ and v on the Gantt
 * chart, thread lanes and boost marks in the SVG; none of it for a run
 * whose processes have one thread each.
 */
class ThreadReportTest {
    private static final long MS = 1_000_000;
    private static final String BOOST = "priority inheritance: tid 3 boosted to 69";
    private static final String BACK = "priority inheritance: tid 3 back to 89";

    // the synthetic run of RunReportTest, where process 1 has threads 1 and 3 and thread 3 was boosted
    private static RunReport threaded() {
        RunReport r = RunReportTest.synthetic();
        List<RunReport.Slice> slices = new java.util.ArrayList<>(r.slices());
        slices.add(new RunReport.Slice(0, 3, 8 * MS, 9 * MS));
        return new RunReport(r.workload(), r.file(), r.policy(), r.finalPolicy(), r.frequencyHz(), r.harts(),
                r.startCycle(), r.elapsed(), r.busyCycles(), r.processes(), r.swaps(), r.ejections(), slices,
                r.syscalls(), r.syscallsDropped(), r.traceComplete(), r.traceStart(), r.others(), r.memory(),
                List.of(),
                List.of(new RunReport.ThreadResult(1, 1, "main", 0, 0, 10 * MS, 5 * MS, 5_000_000, 10, 2, 3, 0),
                        new RunReport.ThreadResult(3, 1, "low", MS, 2 * MS, 9 * MS, MS, 1_000_000, 2, 1, 0, 1),
                        new RunReport.ThreadResult(2, 2, "B", 2 * MS, 4 * MS, 8 * MS, 4 * MS, 4_000_000, 5, 1, 0, 0)),
                List.of(new RunReport.BoostMark(3 * MS, 0, 3, 69, 89, BOOST),
                        new RunReport.BoostMark(9 * MS, 0, 3, 89, 69, BACK)));
    }

    @Test
    void theTableHasARowPerThreadAndTheBoosts() {
        String table = threaded().table();
        assertTrue(table.contains("\nthreads\ntid  pid  name  created  first run   ended  cpu time  vol  invol  boosts\n"
                + "  1    1  main    0.000      0.000  10.000     5.000    2      3       0\n"
                + "  3    1  low     1.000      2.000   9.000     1.000    1      0       1\n"), table);
        assertTrue(table.contains("priority inheritance: 1 boost\n  at 3.000 ms: " + BOOST + "\n  at 9.000 ms: "
                + BACK + "\n"), table);
        assertEquals(1, threaded().boostCount());
        String single = RunReportTest.synthetic().table();
        assertFalse(single.contains("threads") || single.contains("priority inheritance"), single);
    }

    @Test
    void theJsonListsThreadsAndBoosts() {
        String json = threaded().json();
        assertTrue(json.contains("\"tid\": 3,\n      \"pid\": 1,\n      \"name\": \"low\""), json);
        assertTrue(json.contains("\"boostCount\": 1,"), json);
        assertTrue(json.contains("\"to\": 69,\n      \"from\": 89,\n      \"raised\": true,\n      \"text\": \""
                + BOOST + "\""), json);
        assertTrue(threaded().chromeTrace().contains("\"name\":\"priority boost\""), "an instant on the process track");
        assertTrue(RunReportTest.synthetic().json().contains("\"threads\": [],"));
    }

    @Test
    void theGanttChartHasThreadRowsWithTheBoost() {
        String gantt = threaded().gantt(60);
        String low = gantt.lines().filter(l -> l.startsWith("  low (3)")).findFirst().orElseThrow(() ->
                new AssertionError(gantt));
        String bar = low.substring(low.indexOf('|') + 1, low.lastIndexOf('|'));
        int columns = bar.length();
        assertEquals('^', bar.charAt((int) (3L * columns / 10)), bar);
        assertEquals('v', bar.charAt((int) (9L * columns / 10)), bar);
        assertTrue(bar.chars().anyMatch(c -> c == '#'), "it ran from 8 to 9 ms: " + bar);
        assertTrue(gantt.contains("^ priority inheritance boosted it"), gantt);
        String hart = gantt.lines().filter(l -> l.startsWith("hart 0")).findFirst().orElseThrow();
        assertFalse(hart.contains("*"), "thread 3's slice is its process's letter: " + hart);
        assertFalse(RunReportTest.synthetic().gantt(60).contains("indented rows"));
    }

    @Test
    void theSvgHasThreadLanesAndBoostMarks() {
        String svg = threaded().svg();
        assertTrue(svg.contains(">low (tid 3)</text>"), svg);
        assertTrue(svg.contains("class=\"boost\""), svg);
        assertEquals(2, svg.split("class=\"boost-mark\"", -1).length - 1, "a mark for the boost and its end");
        assertTrue(svg.contains("priority boost (inheritance)"));
        assertFalse(RunReportTest.synthetic().svg().contains("class=\"boost"));
    }
}
