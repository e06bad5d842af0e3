package osbox.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * The Mars Pathfinder workload with a priority-inheritance mutex through
 * the osbox script (issue 11 point 2, on the OSGi framework): the program
 * meets its deadline, and the run report has a row per thread and counts
 * the boost of the low-priority thread. Harness PathfinderTest checks both
 * workloads in detail without the framework.
 */
public class PathfinderIT {

    @Test
    public void theInheritingMutexBoostsLowAndTheReportShowsItPerThread() throws Exception {
        String file = OsboxCommand.ROOT.resolve("examples/workloads/pathfinder-pi.yaml").toString();
        OsboxCommand.Result r = OsboxCommand.of("run", file).timeoutSeconds(240).run();
        assertEquals(r.describe(), 0, r.status());
        String out = r.out();
        assertTrue(r.describe(), out.contains("no inversion: high waited only for low's critical section"));
        assertTrue(r.describe(), out.contains("\nthreads\ntid  pid  name "));
        assertTrue(r.describe(), out.lines().anyMatch(l -> l.matches("\\s+\\d+\\s+1\\s+low\\s.*\\s1")));
        assertTrue(r.describe(), out.contains("priority inheritance: 1 boost\n"));
        assertTrue(r.describe(), out.lines().anyMatch(l -> l.startsWith("  low (") && l.contains("^")));
    }
}
