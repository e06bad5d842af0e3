package osbox.api.kernel;

/**
 * What one process's address space holds and what paging did for it: a
 * snapshot read from {@link ProcessView#memory()} on the simulation thread.
 * Counts are in 4 KiB pages and events since the process was created (a
 * forked child starts at zero; execve keeps the counters and replaces the
 * pages). Once the process is a zombie its space is gone:
 * {@code residentPages}, {@code swappedPages} and {@code tablePages} are 0,
 * every other field keeps its final value.
 *
 * <p>The fault counters split the page faults the kernel served (a fault
 * that kills the process counts nowhere) by what the fault did; faults taken
 * on the process's behalf by the kernel touching its memory (a system call's
 * buffer) count the same. Their sum is {@link #faults()}.
 *
 * @param residentPages     user pages mapped to a frame now (a page shared with another space after fork counts
 *                          in each)
 * @param peakResidentPages the largest {@code residentPages} seen
 * @param swappedPages      pages in the swap area now
 * @param tablePages        page-table pages now (not part of the resident set)
 * @param minorFaults       demand-zero faults: a heap, stack, bss or anonymous page's first touch, filled with
 *                          zeros
 * @param imageFaults       faults filled from the executable file (the program's segments)
 * @param majorFaults       faults that read the page back from swap
 * @param cowFaults         writes to a copy-on-write page
 * @param cowCopies         those that copied the frame (the others took the frame back as its only user)
 * @param pageIns           pages read back from swap into this space (equal to majorFaults while every page-in is
 *                          a fault's)
 * @param pageOuts          pages of this space written to swap (evicted)
 * @param tlbAccesses       address translations while it ran (TLB hits and misses; instruction fetches and data)
 * @param tlbMisses         those that walked the page table
 */
public record MemoryUsage(long residentPages, long peakResidentPages, long swappedPages, long tablePages,
        long minorFaults, long imageFaults, long majorFaults, long cowFaults, long cowCopies, long pageIns,
        long pageOuts, long tlbAccesses, long tlbMisses) {

    /** Nothing known (or nothing done): every counter 0. */
    public static final MemoryUsage NONE = new MemoryUsage(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** TLB hits: accesses that needed no walk. */
    public long tlbHits() {
        return Math.max(0, tlbAccesses - tlbMisses);
    }

    /** TLB hit rate in percent (as {@link osbox.api.hw.TlbStatistics#hitRate()}), 0 when nothing was accessed. */
    public double tlbHitRate() {
        return tlbAccesses <= 0 ? 0.0 : 100.0 * tlbHits() / tlbAccesses;
    }

    /** Every served fault: minor + image + major + copy-on-write. */
    public long faults() {
        return minorFaults + imageFaults + majorFaults + cowFaults;
    }

    /** True when every counter is 0 (nothing known). */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Field by field sum (for totals over processes; the peaks are summed too). */
    public MemoryUsage plus(MemoryUsage o) {
        return new MemoryUsage(residentPages + o.residentPages, peakResidentPages + o.peakResidentPages,
                swappedPages + o.swappedPages, tablePages + o.tablePages, minorFaults + o.minorFaults,
                imageFaults + o.imageFaults, majorFaults + o.majorFaults, cowFaults + o.cowFaults,
                cowCopies + o.cowCopies, pageIns + o.pageIns, pageOuts + o.pageOuts, tlbAccesses + o.tlbAccesses,
                tlbMisses + o.tlbMisses);
    }
}
