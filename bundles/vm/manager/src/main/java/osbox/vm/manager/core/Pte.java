package osbox.vm.manager.core;

/** Sv39 page-table entry bits and helpers (privileged spec 4.4). */
public final class Pte {
    public static final long V = 1, R = 2, W = 4, X = 8, U = 16, G = 32, A = 64, D = 128;
    /** Software bit (RSW, bit 8): the page is shared copy-on-write; a write copies it first. */
    public static final long COW = 1L << 8;
    /**
     * Software bit (RSW, bit 9) of an invalid PTE (V = 0): the page is in swap;
     * the PPN field holds its swap slot and R/W/X/U keep its permissions.
     */
    public static final long SWAPPED = 1L << 9;
    public static final int LEVELS = 3;

    private Pte() {
    }

    public static long ppn(long pte) {
        return (pte >>> 10) & ((1L << 44) - 1);
    }

    public static long make(long ppn, long flags) {
        return (ppn << 10) | flags;
    }

    /** Whether pte describes a page that is in swap. */
    public static boolean isSwapped(long pte) {
        return (pte & (V | SWAPPED)) == SWAPPED;
    }

    /** The PTE of a page in swap slot {@code slot} with the R/W/X/U bits of {@code flags}. */
    public static long swapped(long slot, long flags) {
        return (slot << 10) | (flags & (R | W | X | U)) | SWAPPED;
    }

    public static boolean isLeaf(long pte) {
        return (pte & (R | X)) != 0;
    }

    /** VPN[level] of a virtual address. */
    public static int vpn(long va, int level) {
        return (int) ((va >>> (12 + 9 * level)) & 0x1ff);
    }

    /** "r-x", "rw-"... for reports. */
    public static String perms(long flags) {
        return ((flags & R) != 0 ? "r" : "-") + ((flags & W) != 0 ? "w" : "-") + ((flags & X) != 0 ? "x" : "-");
    }
}
