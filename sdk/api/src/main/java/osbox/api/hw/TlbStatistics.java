package osbox.api.hw;

/**
 * A snapshot of one TLB's counters.
 *
 * @param accesses translations asked for (fast-path hits and refills)
 * @param misses   refills that did not find the translation in the TLB: in a
 *                 hardware-refilled TLB they walked the page table, in a
 *                 software-managed one they trapped to the kernel
 * @param walks    page-table walks done (missed refills plus slow-path translations)
 * @param faults   walks that ended in a page fault
 * @param flushes  flush operations (explicit flushes, and in flush-on-switch
 *                 mode every satp write that changed the address space)
 * @param setHits  refills that found the translation in another way of its
 *                 set (a hit, but not on the one-compare fast path); part of
 *                 {@link #hits()}
 * @param installs translations installed by the kernel in a software-managed TLB
 */
public record TlbStatistics(long accesses, long misses, long walks, long faults, long flushes,
        long setHits, long installs) {

    /** The counters of a TLB without set hits or installs (direct-mapped, hardware-refilled). */
    public TlbStatistics(long accesses, long misses, long walks, long faults, long flushes) {
        this(accesses, misses, walks, faults, flushes, 0, 0);
    }

    /** Hits: accesses that found their translation in the TLB. */
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
                faults + o.faults, flushes + o.flushes, setHits + o.setHits, installs + o.installs);
    }
}
