package osbox.vm.replace.random;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * Random: evicts a resident page chosen uniformly with
 * {@link ReplacementContext#random}, so a run is repeatable from the
 * mechanism's seed. Pages are kept in an array (a removal moves the last one
 * into the hole) with an id index that is only looked up: every call is O(1)
 * and which page an index names depends only on the order of events.
 */
public final class RandomPolicy implements ReplacementPolicy {
    private final List<PageView> pages = new ArrayList<>();
    private final Map<Long, Integer> slot = new HashMap<>();
    private ReplacementContext context;

    /** Keeps the context and the resident pages, in the given order. */
    @Override
    public void attach(ReplacementContext context, List<PageView> resident) {
        this.context = context;
        for (PageView p : resident) {
            loaded(p);
        }
    }

    /** Adds the page. */
    @Override
    public void loaded(PageView page) {
        if (slot.putIfAbsent(page.id(), pages.size()) != null) {
            throw new IllegalStateException("page " + page.id() + " is already resident");
        }
        pages.add(page);
    }

    /** Forgets the page. */
    @Override
    public void removed(PageView page) {
        Integer i = slot.get(page.id());
        if (i != null) {
            take(i);
        }
    }

    /** A uniformly random resident page (forgotten: the mechanism evicts it); null when none. */
    @Override
    public PageView victim() {
        if (pages.isEmpty()) {
            return null;
        }
        return take((int) context.random(pages.size()));
    }

    private PageView take(int i) {
        PageView p = pages.get(i);
        PageView last = pages.remove(pages.size() - 1);
        slot.remove(p.id());
        if (last != p) {
            pages.set(i, last);
            slot.put(last.id(), i);
        }
        return p;
    }
}
