package osbox.testkit.sched;

/**
 * One job of a lab run: it arrives at {@code start}, needs {@code run} cycles
 * of CPU, and (when {@code ioFreq} > 0) issues an I/O after every
 * {@code ioFreq} cycles of CPU, as in OSTEP's mlfq.py.
 */
public record LabJob(int id, long start, long run, long ioFreq) {
    /** Checks the numbers. */
    public LabJob {
        if (start < 0 || run < 1 || ioFreq < 0) {
            throw new IllegalArgumentException("job " + id + ": start >= 0, run >= 1, ioFreq >= 0 required");
        }
    }
}
