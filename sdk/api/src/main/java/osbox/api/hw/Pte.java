package osbox.api.hw;

/**
 * The Sv39 page-table entry and virtual address (RISC-V privileged spec,
 * sections 4.3 and 4.4): the one place these facts are written, read by the
 * MMU's page-table walker and by the kernel that builds the tables.
 *
 * <p>A PTE is 8 bytes: bit 0 V, 1 R, 2 W, 3 X, 4 U, 5 G, 6 A, 7 D; bits 9..8
 * RSW, left to software; bits 53..10 the physical page number (PPN); bits
 * 63..54 N, PBMT and reserved. osbox's VM manager uses the two RSW bits
 * ({@link #COW}, {@link #SWAPPED}); the MMU ignores them.
 *
 * <p>A virtual address has 39 bits: a 12-bit page offset
 * ({@link PhysicalMemory#PAGE_SHIFT}) under three 9-bit VPN fields, one per
 * level of the tree (level 2 indexes the root table); bits 63..39 must equal
 * bit 38. A table is one 4 KiB frame of 512 PTEs.
 */
public final class Pte {
    /** Valid. */
    public static final long V = 1L << 0;
    /** Readable. */
    public static final long R = 1L << 1;
    /** Writable (W without R is reserved). */
    public static final long W = 1L << 2;
    /** Executable. */
    public static final long X = 1L << 3;
    /** Accessible in user mode. */
    public static final long U = 1L << 4;
    /** Global mapping. */
    public static final long G = 1L << 5;
    /** Accessed (set by the walker: Svadu). */
    public static final long A = 1L << 6;
    /** Dirty (set by the walker on a store). */
    public static final long D = 1L << 7;

    /** R, W and X: the same bit positions as {@link Access}'s READ, WRITE and EXECUTE. */
    public static final long RWX = R | W | X;

    /** Software bit (RSW, bit 8): the page is shared copy-on-write; a write copies it first. */
    public static final long COW = 1L << 8;
    /**
     * Software bit (RSW, bit 9) of an invalid PTE (V = 0): the page is in swap;
     * the PPN field holds its swap slot and R/W/X/U keep its permissions.
     */
    public static final long SWAPPED = 1L << 9;

    /** Where the PPN field starts; below it, the flags and RSW. */
    public static final int PPN_SHIFT = 10;
    /** The PPN field, after shifting down by {@link #PPN_SHIFT}: 44 bits. */
    public static final long PPN_MASK = (1L << 44) - 1;
    /** Bits 9..0: the eight flags and the two RSW bits. */
    public static final long FLAGS = (1L << PPN_SHIFT) - 1;

    /**
     * Bits 63..54: N (Svnapot), PBMT (Svpbmt) and bits reserved for future
     * use. osbox implements neither extension, so the walker faults on any
     * of them (section 4.3.2, step 3).
     */
    public static final long RESERVED = 0x3ffL << 54;

    /** Levels of the tree. */
    public static final int LEVELS = 3;
    /** VPN bits per level. */
    public static final int VPN_BITS = 9;
    /** One level's VPN field, after shifting. */
    public static final int VPN_MASK = (1 << VPN_BITS) - 1;
    /** PTEs per table (one frame). */
    public static final int ENTRIES = 1 << VPN_BITS;
    /** Bytes per PTE. */
    public static final int SIZE = 8;
    /** Significant bits of a virtual address. */
    public static final int VA_BITS = PhysicalMemory.PAGE_SHIFT + LEVELS * VPN_BITS;

    private Pte() {
    }

    /** The physical page number (or, for a swapped PTE, the swap slot) that {@code pte} holds. */
    public static long ppn(long pte) {
        return (pte >>> PPN_SHIFT) & PPN_MASK;
    }

    /** A PTE for page {@code ppn} with the flag bits {@code flags} (expects flags within {@link #FLAGS}). */
    public static long make(long ppn, long flags) {
        return (ppn << PPN_SHIFT) | flags;
    }

    /** Whether a valid {@code pte} is a leaf (R or X set), not a pointer to the next level. */
    public static boolean isLeaf(long pte) {
        return (pte & (R | X)) != 0;
    }

    /** Whether {@code pte} describes a page that is in swap (V clear, SWAPPED set). */
    public static boolean isSwapped(long pte) {
        return (pte & (V | SWAPPED)) == SWAPPED;
    }

    /** The PTE of a page in swap slot {@code slot}, keeping the R/W/X/U bits of {@code flags}. */
    public static long swapped(long slot, long flags) {
        return (slot << PPN_SHIFT) | (flags & (RWX | U)) | SWAPPED;
    }

    /** How far {@code level}'s VPN field lies up a virtual address. */
    public static int vpnShift(int level) {
        return PhysicalMemory.PAGE_SHIFT + VPN_BITS * level;
    }

    /** VPN[level] of virtual address {@code va}: its index into the table at {@code level}. */
    public static int vpn(long va, int level) {
        return (int) ((va >>> vpnShift(level)) & VPN_MASK);
    }

    /** Physical address of entry {@code index} (0..511) of the table in frame {@code tablePpn}. */
    public static long entryAddress(long tablePpn, int index) {
        return (tablePpn << PhysicalMemory.PAGE_SHIFT) + (long) SIZE * index;
    }

    /** {@code va} with bits 63..39 made copies of bit 38 (the canonical form). */
    public static long canonical(long va) {
        return (va << (Long.SIZE - VA_BITS)) >> (Long.SIZE - VA_BITS);
    }

    /** Whether {@code va} is canonical: bits 63..39 equal bit 38 (else it has no translation). */
    public static boolean isCanonical(long va) {
        return canonical(va) == va;
    }

    /** "r-x", "rw-"...: the R, W and X bits of {@code flags}, for reports. */
    public static String perms(long flags) {
        return ((flags & R) != 0 ? "r" : "-") + ((flags & W) != 0 ? "w" : "-") + ((flags & X) != 0 ? "x" : "-");
    }
}
