package osbox.kernel.core.proc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What getrusage and wait4 report of a process (Linux's struct rusage, the
 * fields osbox counts): CPU time in cycles (all of it user time: the kernel
 * is host code, so no simulated cycle is spent in it), the peak resident
 * set, page faults and context switches. Immutable.
 *
 * @param userCycles   CPU cycles run (ru_utime)
 * @param maxRssKb     the largest resident set, in KiB (ru_maxrss)
 * @param minorFaults  faults served without I/O (ru_minflt)
 * @param majorFaults  faults that read a page in (ru_majflt)
 * @param voluntary    switches because it slept (ru_nvcsw)
 * @param involuntary  switches because it was preempted (ru_nivcsw)
 */
public record Rusage(long userCycles, long maxRssKb, long minorFaults, long majorFaults, long voluntary,
        long involuntary) {
    /** Nothing used (a process with no reaped children). */
    public static final Rusage NONE = new Rusage(0, 0, 0, 0, 0, 0);
    /** sizeof(struct rusage) on riscv64: two timevals and fourteen longs. */
    public static final int SIZE = 144;
    private static final int PAGE_KB = 4;

    /** What p has used so far, its current stretch on a hart counted ({@code cpuCycles}, from the dispatcher). */
    public static Rusage of(Process p, long cpuCycles) {
        var m = p.memory();
        return new Rusage(cpuCycles, m.peakResidentPages() * PAGE_KB, m.minorFaults() + m.imageFaults() + m.cowFaults(),
                m.majorFaults(), p.voluntarySwitches(), p.involuntarySwitches());
    }

    /**
     * A reaped child's usage added to this (Linux's signal->c* sums): times,
     * faults and switches add; the peak resident set is the larger one.
     */
    public Rusage plus(Rusage o) {
        return new Rusage(userCycles + o.userCycles, Math.max(maxRssKb, o.maxRssKb), minorFaults + o.minorFaults,
                majorFaults + o.majorFaults, voluntary + o.voluntary, involuntary + o.involuntary);
    }

    /** The struct rusage bytes (little-endian) at a clock of {@code hz} cycles a second. */
    public byte[] toBytes(long hz) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, userCycles / hz);
        b.putLong(8, (userCycles % hz) * 1_000_000L / hz);
        // ru_stime (16..31) stays 0: no simulated time is spent in the kernel
        b.putLong(32, maxRssKb);
        b.putLong(32 + 4 * 8, minorFaults);
        b.putLong(32 + 5 * 8, majorFaults);
        b.putLong(32 + 12 * 8, voluntary);
        b.putLong(32 + 13 * 8, involuntary);
        return b.array();
    }
}
