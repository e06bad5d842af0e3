package osbox.vm.manager.core;

import osbox.api.hw.Pte;

/**
 * A range of an address space with one set of permissions and one way of
 * filling its pages. [start, end) are page aligned.
 */
public final class Region {
    /** How a region's pages come to be. */
    public enum Kind {
        /** From the executable: mapped and filled at exec. */
        IMAGE,
        /** Between the image and the break: zero-filled on first touch. */
        HEAP,
        /** The user stack: zero-filled on first touch, below a guard gap. */
        STACK,
        /** Anonymous mmap: zero-filled on first touch. */
        ANONYMOUS
    }

    public final Kind kind;
    long start;
    long end;
    long perms;
    /** The shared memory object a MAP_SHARED anonymous region maps (null: private pages). */
    SharedMemory shared;
    /** Index in {@link #shared} of the page at {@link #start}. */
    long sharedFirst;

    Region(Kind kind, long start, long end, long perms) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.perms = perms;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    /** R/W/X bits of {@link Pte}. */
    public long perms() {
        return perms;
    }

    /** Whether the region maps a shared memory object (MAP_SHARED|MAP_ANONYMOUS). */
    public boolean isShared() {
        return shared != null;
    }

    public boolean contains(long va) {
        return va >= start && va < end;
    }

    @Override
    public String toString() {
        return String.format("%012x-%012x %s %s", start, end, Pte.perms(perms),
                kind.name().toLowerCase() + (shared != null ? " shared" : ""));
    }
}
