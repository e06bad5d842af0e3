package osbox.api.memory;

/**
 * One page's entry in an address space's page table at one moment, for
 * reports ({@link AddressSpace#page}). The word is in the Sv39 leaf-PTE
 * format whatever the table's organisation: V (bit 0), R, W, X, U, G, A, D
 * (bits 1-7), the VM manager's software bits COW (bit 8: shared
 * copy-on-write, a write copies it first) and SWAPPED (bit 9, with V clear:
 * the page is in swap and the PPN field holds its swap slot), and the PPN
 * (bits 10-53).
 *
 * @param va       the page's address (page aligned)
 * @param pte      the raw 64-bit PTE word; 0 when the table has no entry
 * @param present  the valid bit V: the page is in a frame now
 * @param swapped  the page is in swap (V clear, SWAPPED set)
 * @param frame    the physical page number when present, else -1
 * @param swapSlot the swap slot when swapped, else -1
 * @param flags    the bits in the fixed layout {@value #FLAG_LETTERS}, '-' for a clear bit: v valid
 *                 (present), r read, w write, x execute, u user, a accessed, d dirty, c copy-on-write,
 *                 s swapped
 * @since 1.2
 */
public record PageEntry(long va, long pte, boolean present, boolean swapped, long frame, long swapSlot,
        String flags) {
    /** The letters of {@link #flags}, one per bit, in order. */
    public static final String FLAG_LETTERS = "vrwxuadcs";
    /** Valid (present), R, W, X, U, A, D: the hardware bits. */
    public static final long V = 1, R = 2, W = 4, X = 8, U = 16, A = 64, D = 128;
    /** Software bit 8: copy-on-write. */
    public static final long COW = 1L << 8;
    /** Software bit 9 of an invalid PTE: the page is in swap, the PPN field holds the slot. */
    public static final long SWAPPED = 1L << 9;
    private static final long[] FLAG_BITS = {V, R, W, X, U, A, D, COW, SWAPPED};

    /** Decodes PTE word {@code pte} of the page at {@code va} (rounded down to its page). */
    public static PageEntry of(long va, long pte) {
        boolean present = (pte & V) != 0;
        boolean swapped = !present && (pte & SWAPPED) != 0;
        long ppn = (pte >>> 10) & ((1L << 44) - 1);
        return new PageEntry(va & -AddressSpace.PAGE, pte, present, swapped, present ? ppn : -1,
                swapped ? ppn : -1, flags(pte));
    }

    /** The bits of {@code pte} in the layout {@value #FLAG_LETTERS}, '-' for a clear bit. */
    public static String flags(long pte) {
        StringBuilder b = new StringBuilder(FLAG_BITS.length);
        for (int i = 0; i < FLAG_BITS.length; i++) {
            b.append((pte & FLAG_BITS[i]) != 0 ? FLAG_LETTERS.charAt(i) : '-');
        }
        return b.toString();
    }
}
