package osbox.hw.mmu;

/**
 * Sv39 page-table-entry layout (RISC-V privileged spec, section 4.4.1).
 * Package-private: the kernel builds its own page tables with its own copy
 * of these constants; tests build them by hand.
 */
final class Pte {
    static final long V = 1L << 0;
    static final long R = 1L << 1;
    static final long W = 1L << 2;
    static final long X = 1L << 3;
    static final long U = 1L << 4;
    static final long G = 1L << 5;
    static final long A = 1L << 6;
    static final long D = 1L << 7;

    /** R, W and X: the same bit positions as {@link osbox.api.hw.Access}. */
    static final long RWX = R | W | X;

    /** The PPN field: bits 53..10. */
    static final int PPN_SHIFT = 10;
    static final long PPN_MASK = (1L << 44) - 1;

    /**
     * Bits 63..54: N (Svnapot), PBMT (Svpbmt) and bits reserved for future
     * use. This MMU implements neither extension, so any of them set makes
     * the walk fault, as section 4.3.2 step 3 requires.
     */
    static final long RESERVED = 0x3ffL << 54;

    /** Levels of an Sv39 table, VPN bits per level, bytes per PTE. */
    static final int LEVELS = 3;
    static final int VPN_BITS = 9;
    static final int VPN_MASK = (1 << VPN_BITS) - 1;
    static final int PTE_SIZE = 8;

    private Pte() {
    }

    /** The physical page number a PTE holds. */
    static long ppn(long pte) {
        return (pte >>> PPN_SHIFT) & PPN_MASK;
    }
}
