package osbox.vm.manager.core;

import osbox.api.vm.replace.PageView;

/**
 * One evictable resident page (one record per frame), as replacement
 * policies see it. A frame several address spaces map (copy-on-write after
 * fork, read-only image pages, a shared anonymous page) has one record too:
 * its owner ({@link #space}, {@link #va}, {@link #pid}) is the mapper that
 * brought it in; when that mapping goes, the next mapper found (oldest live
 * space first) becomes the owner. A and D bits are read through the owner's
 * PTE.
 */
public final class PageRecord implements PageView {
    final long ppn;
    PagedAddressSpace space;
    long va;
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
