package osbox.testkit.lab;

import java.util.List;

/**
 * One access of a paging-lab run: the page, whether it was a write, hit or
 * miss, the page evicted for it (-1 for none), and memory afterwards in load
 * order (oldest first) and in recency order (least recently used first).
 */
public record PagingStep(long page, boolean write, boolean hit, long victim, List<Long> loadOrder,
        List<Long> recencyOrder) {
    /** Copies the lists. */
    public PagingStep {
        loadOrder = List.copyOf(loadOrder);
        recencyOrder = List.copyOf(recencyOrder);
    }
}
