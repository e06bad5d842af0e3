package osbox.api.hw;

/**
 * A snapshot of one TLB's counters.
 *
 * @param accesses translations asked for (fast-path hits and refills)
 * @param misses   refills: fast-path misses that walked the page table
 * @param walks    page-table walks done (refills plus slow-path translations)
 * @param faults   walks that ended in a page fault
 * @param flushes  flush operations
 */
public record TlbStatistics(long accesses, long misses, long walks, long faults, long flushes) {
    /** Hits: accesses that did not need a walk. */
    public long hits() {
        return Math.max(0, accesses - misses);
    }

    /** Hit rate in percent, 0 when nothing was accessed. */
    public double hitRate() {
        return accesses == 0 ? 0.0 : 100.0 * hits() / accesses;
    }

    /** Sum of two snapshots (for machine totals). */
    public TlbStatistics plus(TlbStatistics o) {
        return new TlbStatistics(accesses + o.accesses, misses + o.misses, walks + o.walks,
                faults + o.faults, flushes + o.flushes);
    }
}
