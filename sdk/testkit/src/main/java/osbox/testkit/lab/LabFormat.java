package osbox.testkit.lab;

import java.util.Locale;
import osbox.testkit.sched.JobStats;
import osbox.testkit.sched.LabResult;

/** The lab's two outputs: OSTEP-style trace and table, or one line of JSON. */
final class LabFormat {
    private LabFormat() {
    }

    /** The execution trace, per-job statistics and averages, as OSTEP's simulators print them. */
    static String table(LabResult r) {
        StringBuilder b = new StringBuilder("Execution trace:\n");
        for (String line : r.trace()) {
            b.append("  ").append(line).append('\n');
        }
        b.append("\nFinal statistics:\n");
        for (JobStats j : r.jobs()) {
            b.append(String.format(Locale.ROOT, "  Job %3d -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f%n",
                    j.id(), (double) j.response(), (double) j.turnaround(), (double) j.waitTime()));
        }
        b.append(String.format(Locale.ROOT, "%n  Average -- Response: %3.2f  Turnaround %3.2f  Wait %3.2f%n",
                r.averageResponse(), r.averageTurnaround(), r.averageWait()));
        return b.toString().replace("\r\n", "\n");
    }

    /** {"jobs":[{"id":0,"response":R,"turnaround":T,"wait":W},...],"average":{...}} and a newline. */
    static String json(LabResult r) {
        StringBuilder b = new StringBuilder("{\"jobs\":[");
        String sep = "";
        for (JobStats j : r.jobs()) {
            b.append(sep).append("{\"id\":").append(j.id()).append(",\"response\":").append(j.response())
                    .append(",\"turnaround\":").append(j.turnaround()).append(",\"wait\":").append(j.waitTime())
                    .append('}');
            sep = ",";
        }
        b.append("],\"average\":{\"response\":").append(SchedLab.two(r.averageResponse()))
                .append(",\"turnaround\":").append(SchedLab.two(r.averageTurnaround()))
                .append(",\"wait\":").append(SchedLab.two(r.averageWait())).append("}}\n");
        return b.toString();
    }
}
