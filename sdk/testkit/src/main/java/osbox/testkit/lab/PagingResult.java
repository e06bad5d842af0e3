package osbox.testkit.lab;

import java.util.List;

/** A paging-lab run: every access, and the totals. */
public record PagingResult(List<PagingStep> steps, long hits, long misses) {
    /** Copies the steps. */
    public PagingResult {
        steps = List.copyOf(steps);
    }

    /** Hits as a percentage of all accesses (0 when there were none). */
    public double hitRate() {
        long all = hits + misses;
        return all == 0 ? 0.0 : 100.0 * hits / all;
    }

    /** Whether each access hit, in order. */
    public List<Boolean> hitList() {
        return steps.stream().map(PagingStep::hit).toList();
    }
}
