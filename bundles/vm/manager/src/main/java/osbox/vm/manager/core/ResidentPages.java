package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The kernel-wide registry of evictable pages: every resident user page of
 * every address space, keyed by frame, in load order (a LinkedHashMap:
 * iteration follows insertion, never hashing). A frame shared by several
 * spaces (copy-on-write after fork, image pages, shared anonymous pages) has
 * one record; {@link VirtualMemory} finds its other mappings through the
 * reverse map when it evicts it. Page tables are not here: never evicted.
 */
public final class ResidentPages {
    private final LinkedHashMap<Long, PageRecord> pages = new LinkedHashMap<>();

    void add(PageRecord r) {
        if (pages.putIfAbsent(r.ppn, r) != null) {
            throw new IllegalStateException("frame " + r.ppn + " registered twice");
        }
    }

    PageRecord remove(long ppn) {
        return pages.remove(ppn);
    }

    /** The record of the page in frame ppn, or null. */
    public PageRecord get(long ppn) {
        return pages.get(ppn);
    }

    public int size() {
        return pages.size();
    }

    /** Every record, oldest-loaded first. */
    public List<PageRecord> inLoadOrder() {
        return new ArrayList<>(pages.values());
    }

    /** The oldest-loaded record, or null. */
    PageRecord oldest() {
        return pages.isEmpty() ? null : pages.values().iterator().next();
    }
}
