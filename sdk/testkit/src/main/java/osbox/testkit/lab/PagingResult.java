package osbox.testkit.lab;

import java.util.ArrayList;
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

    /** Each access as H (hit) or M (miss), in order: "MMMH" for three misses then a hit. */
    public String hitsAndMisses() {
        StringBuilder s = new StringBuilder(steps.size());
        for (PagingStep step : steps) {
            s.append(step.hit() ? 'H' : 'M');
        }
        return s.toString();
    }

    /** The pages evicted, in order (accesses that evicted nothing are left out). */
    public List<Long> victims() {
        List<Long> out = new ArrayList<>();
        for (PagingStep step : steps) {
            if (step.victim() >= 0) {
                out.add(step.victim());
            }
        }
        return out;
    }
}
