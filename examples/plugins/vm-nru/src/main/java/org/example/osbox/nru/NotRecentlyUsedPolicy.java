package org.example.osbox.nru;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * NRU (not recently used), as in Tanenbaum's Modern Operating Systems. Each
 * resident page falls in one of four classes by its hardware bits:
 *
 * <pre>
 *   class 0: not referenced, clean      class 2: referenced, clean
 *   class 1: not referenced, dirty      class 3: referenced, dirty
 * </pre>
 *
 * The victim is a page of the lowest non-empty class, chosen at random among
 * that class's pages with the context's seeded random numbers (so the same
 * seed and the same events give the same victims). Every {@code period}
 * cycles {@link #tick} clears every resident page's reference bit, so
 * "referenced" means "used since the last tick". Class 1 exists because a
 * tick clears the reference bit but not the dirty bit: a page written a while
 * ago and not used since is a better victim than one in use, and a worse one
 * than a clean page (it costs a page-out).
 *
 * <p>The policy keeps the resident pages in load order, so the random choice
 * picks among the candidates in a fixed order and a policy seeded at attach
 * decides as one that saw every load.
 */
public final class NotRecentlyUsedPolicy implements ReplacementPolicy {
    private final long period;
    private final LinkedHashMap<Long, PageView> resident = new LinkedHashMap<>();
    private ReplacementContext context;

    /** A policy clearing reference bits every period cycles (at least 1). */
    public NotRecentlyUsedPolicy(long period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, got " + period);
        }
        this.period = period;
    }

    /** Starts with the pages resident now, oldest-loaded first. */
    @Override
    public void attach(ReplacementContext context, List<PageView> pages) {
        this.context = context;
        for (PageView p : pages) {
            resident.put(p.id(), p);
        }
    }

    /** Forgets everything. */
    @Override
    public void detach() {
        resident.clear();
        context = null;
    }

    /** A new page, at the end of the load order. */
    @Override
    public void loaded(PageView page) {
        resident.put(page.id(), page);
    }

    /** A page unmapped or freed with its process. */
    @Override
    public void removed(PageView page) {
        resident.remove(page.id());
    }

    /** A page of the lowest class, at random among them; null when nothing is resident. */
    @Override
    public PageView victim() {
        List<PageView> candidates = new ArrayList<>();
        int lowest = 4;
        for (PageView p : resident.values()) {
            int c = pageClass(p);
            if (c < lowest) {
                lowest = c;
                candidates.clear();
            }
            if (c == lowest) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        PageView victim = candidates.size() == 1 ? candidates.get(0)
                : candidates.get((int) context.random(candidates.size()));
        resident.remove(victim.id());
        return victim;
    }

    /** The clearing period in cycles. */
    @Override
    public long tickPeriod() {
        return period;
    }

    /** Clears every resident page's reference bit. */
    @Override
    public void tick() {
        for (PageView p : resident.values()) {
            context.clearReferenced(p);
        }
    }

    /** The page's class, 0 to 3: 2 if referenced, plus 1 if dirty. */
    public int pageClass(PageView page) {
        return (context.referenced(page) ? 2 : 0) + (context.dirty(page) ? 1 : 0);
    }

    /** The clearing period in cycles. */
    public long period() {
        return period;
    }
}
