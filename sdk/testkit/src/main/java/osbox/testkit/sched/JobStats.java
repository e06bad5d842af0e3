package osbox.testkit.sched;

/**
 * What happened to one job: when it arrived, first ran, finished, and how
 * long it waited runnable but not running (OSTEP's wait time).
 */
public record JobStats(int id, long arrival, long firstRun, long end, long waitTime) {
    /** First run minus arrival. */
    public long response() {
        return firstRun - arrival;
    }

    /** Completion minus arrival. */
    public long turnaround() {
        return end - arrival;
    }
}
