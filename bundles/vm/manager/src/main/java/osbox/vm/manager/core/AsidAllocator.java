package osbox.vm.manager.core;

/**
 * Address-space identifiers for the TLB (11 bits: 1..2047; 0 is shared by
 * address spaces that found none free, which then need a flush on every
 * switch). Lowest free first, so runs are deterministic.
 */
public final class AsidAllocator {
    public static final int SHARED = 0;
    private static final int COUNT = 2048;
    private final java.util.BitSet used = new java.util.BitSet(COUNT);

    public AsidAllocator() {
        used.set(SHARED);
    }

    /** A free ASID, or {@link #SHARED} when all are taken. */
    public int allocate() {
        int a = used.nextClearBit(1);
        if (a >= COUNT) {
            return SHARED;
        }
        used.set(a);
        return a;
    }

    /** Returns an ASID; the caller flushes its TLB entries first. */
    public void release(int asid) {
        if (asid != SHARED) {
            used.clear(asid);
        }
    }
}
