package osbox.vm.manager.core;

import osbox.api.vm.PageView;

/** One evictable page (private to one address space and resident), as replacement policies see it. */
public final class PageRecord implements PageView {
    final long ppn;
    final PagedAddressSpace space;
    final long va;
    final long loadedAt;
    long lastAccess;
    long accesses;

    PageRecord(long ppn, PagedAddressSpace space, long va, long loadedAt) {
        this.ppn = ppn;
        this.space = space;
        this.va = va;
        this.loadedAt = loadedAt;
        this.lastAccess = loadedAt;
        this.accesses = 1;
    }

    @Override
    public long id() {
        return ppn;
    }

    @Override
    public int pid() {
        return space.pid();
    }

    @Override
    public long vpn() {
        return va >>> 12;
    }

    @Override
    public long loadedAt() {
        return loadedAt;
    }

    @Override
    public long lastAccess() {
        return lastAccess;
    }

    @Override
    public long accesses() {
        return accesses;
    }

    /** The address space that owns the page. */
    public PagedAddressSpace space() {
        return space;
    }

    /** The page's virtual address. */
    public long va() {
        return va;
    }

    @Override
    public String toString() {
        return "page " + Long.toHexString(va) + " of pid " + pid() + " in frame " + ppn;
    }
}
