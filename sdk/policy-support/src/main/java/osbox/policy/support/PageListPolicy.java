package osbox.policy.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * The part of a page-replacement policy that keeps the resident pages in one
 * order in a {@link PageList} (FIFO and OPT in load order, LRU and MRU in
 * recency order): it seeds the list at attach, appends a loaded page,
 * forgets a removed one and, in recency order, moves an accessed page to the
 * end. Every call is O(1) but the recency sort at attach. A subclass only
 * chooses the victim from {@link #pages()} and takes it off the list (the
 * mechanism evicts it).
 */
public abstract class PageListPolicy implements ReplacementPolicy {
    /** The order the list keeps, first to last. */
    public enum Order {
        /** Load order, oldest first: an access changes nothing. */
        LOAD,
        /**
         * Recency order, least recently used first: a load or an access puts
         * the page last. At attach the resident pages are sorted by their last
         * access ({@link PageView#lastAccess()}, the load time when it is -1),
         * ties in the given (load) order.
         */
        RECENCY
    }

    private final PageList pages = new PageList();
    private final Order order;
    private ReplacementContext context;

    /** A policy whose list keeps {@code order}. */
    protected PageListPolicy(Order order) {
        if (order == null) {
            throw new IllegalArgumentException("a page list needs an order");
        }
        this.order = order;
    }

    /** Keeps the context and seeds the list with the resident pages in this policy's order. */
    @Override
    public final void attach(ReplacementContext context, List<PageView> resident) {
        this.context = context;
        List<PageView> seeded = resident;
        if (order == Order.RECENCY) {
            seeded = new ArrayList<>(resident);
            seeded.sort(Comparator.comparingLong(PageListPolicy::recency)); // stable: ties keep load order
        }
        for (PageView p : seeded) {
            pages.addLast(p);
        }
    }

    /** Last in either order: newest loaded, most recently used. */
    @Override
    public final void loaded(PageView page) {
        pages.addLast(page);
    }

    /** In recency order the page becomes the most recently used; in load order nothing changes. */
    @Override
    public final void accessed(PageView page) {
        if (order == Order.RECENCY) {
            pages.moveToEnd(page);
        }
    }

    /** Forgets the page. */
    @Override
    public final void removed(PageView page) {
        pages.remove(page);
    }

    /** The resident pages in this policy's order; a victim must be taken off it. */
    protected final PageList pages() {
        return pages;
    }

    /** The context given at attach (null before). */
    protected final ReplacementContext context() {
        return context;
    }

    /** When a page was last used: its last access, or its load time when it has none. */
    private static long recency(PageView p) {
        return p.lastAccess() >= 0 ? p.lastAccess() : p.loadedAt();
    }
}
