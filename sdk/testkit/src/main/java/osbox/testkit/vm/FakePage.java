package osbox.testkit.vm;

import osbox.api.vm.replace.PageView;

/**
 * A {@link PageView} with settable fields, and the page's hardware bits
 * (reference and dirty), which a {@link FakeReplacementContext} reads and
 * clears. A page is resident until {@link #resident(boolean)} says otherwise;
 * the context refuses to answer for a page that is not (a policy must not
 * look at pages that left). Defaults: pid 1, loadedAt 0, lastAccess -1, no
 * accesses, both bits clear, resident.
 */
public final class FakePage implements PageView {
    private final long id;
    private int pid = 1;
    private long vpn;
    private long loadedAt;
    private long lastAccess = -1;
    private long accesses;
    private boolean referenced;
    private boolean dirty;
    private boolean resident = true;

    /** A page in frame id with vpn equal to id. */
    public FakePage(long id) {
        this(id, id);
    }

    /** A page in frame id holding virtual page vpn. */
    public FakePage(long id, long vpn) {
        this.id = id;
        this.vpn = vpn;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public int pid() {
        return pid;
    }

    @Override
    public long vpn() {
        return vpn;
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

    /** Sets the owner. */
    public FakePage pid(int value) {
        this.pid = value;
        return this;
    }

    /** Sets the virtual page number. */
    public FakePage vpn(long value) {
        this.vpn = value;
        return this;
    }

    /** Sets the load time. */
    public FakePage loadedAt(long cycle) {
        this.loadedAt = cycle;
        return this;
    }

    /** Sets the last access time. */
    public FakePage lastAccess(long cycle) {
        this.lastAccess = cycle;
        return this;
    }

    /** Sets the access count. */
    public FakePage accesses(long count) {
        this.accesses = count;
        return this;
    }

    /** Records one access at cycle as the mechanism would: time, count, reference bit, and dirty on a write. */
    public FakePage touch(long cycle, boolean write) {
        this.lastAccess = cycle;
        this.accesses++;
        this.referenced = true;
        if (write) {
            this.dirty = true;
        }
        return this;
    }

    /** The reference (A) bit. */
    public boolean referenced() {
        return referenced;
    }

    /** Sets the reference (A) bit. */
    public FakePage referenced(boolean value) {
        this.referenced = value;
        return this;
    }

    /** The dirty (D) bit. */
    public boolean dirty() {
        return dirty;
    }

    /** Sets the dirty (D) bit. */
    public FakePage dirty(boolean value) {
        this.dirty = value;
        return this;
    }

    /** Whether the page is resident. */
    public boolean resident() {
        return resident;
    }

    /** Marks the page resident or gone. */
    public FakePage resident(boolean value) {
        this.resident = value;
        return this;
    }

    @Override
    public String toString() {
        return "page#" + id + "(vpn " + vpn + (resident ? "" : ", gone") + ")";
    }
}
