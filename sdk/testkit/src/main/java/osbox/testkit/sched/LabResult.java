package osbox.testkit.sched;

import java.util.List;

/** A lab run's outcome: per-job statistics (by id) and the trace lines. */
public record LabResult(List<JobStats> jobs, List<String> trace) {
    /** Copies the lists. */
    public LabResult {
        jobs = List.copyOf(jobs);
        trace = List.copyOf(trace);
    }

    /** Average response time. */
    public double averageResponse() {
        return jobs.stream().mapToLong(JobStats::response).average().orElse(0);
    }

    /** Average turnaround time. */
    public double averageTurnaround() {
        return jobs.stream().mapToLong(JobStats::turnaround).average().orElse(0);
    }

    /** Average wait time. */
    public double averageWait() {
        return jobs.stream().mapToLong(JobStats::waitTime).average().orElse(0);
    }
}
