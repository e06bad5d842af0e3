package osbox.vm.manager.core;

import java.util.LinkedHashMap;
import java.util.List;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/** The kernel's own page-replacement policy, the fallback: evicts the page loaded longest ago. */
final class BuiltinFifo implements ReplacementPolicy {
    private final LinkedHashMap<Long, PageView> queue = new LinkedHashMap<>();

    @Override
    public void attach(ReplacementContext context, List<PageView> resident) {
        queue.clear();
        for (PageView p : resident) {
            queue.put(p.id(), p);
        }
    }

    @Override
    public void loaded(PageView page) {
        queue.put(page.id(), page);
    }

    @Override
    public void removed(PageView page) {
        queue.remove(page.id());
    }

    @Override
    public PageView victim() {
        if (queue.isEmpty()) {
            return null;
        }
        PageView v = queue.values().iterator().next();
        queue.remove(v.id());
        return v;
    }
}
