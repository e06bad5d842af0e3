package osbox.hw.mmu;

import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/**
 * The Sv39 MMU design: every hart gets a {@link Sv39TranslationUnit} with a
 * direct-mapped TLB of the same size. Plain Java; {@link MmuComponent}
 * publishes it as a service.
 */
public final class Sv39Mmu implements Mmu {
    /** Largest TLB accepted. */
    public static final int MAX_TLB_ENTRIES = 65536;

    private final int tlbEntries;

    /** Makes the design with {@code tlbEntries} entries per hart: a power of two, 1 to 65536. */
    public Sv39Mmu(int tlbEntries) {
        checkTlbEntries(tlbEntries);
        this.tlbEntries = tlbEntries;
    }

    /** Throws IllegalArgumentException unless n is a power of two between 1 and 65536. */
    static void checkTlbEntries(int n) {
        if (n < 1 || n > MAX_TLB_ENTRIES || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException(
                    "TLB entries must be a power of two between 1 and " + MAX_TLB_ENTRIES + ": " + n);
        }
    }

    public int tlbEntries() {
        return tlbEntries;
    }

    @Override
    public TranslationUnit createUnit(int hartId, PhysicalMemory memory) {
        return new Sv39TranslationUnit(hartId, memory, tlbEntries);
    }

    @Override
    public String describe() {
        return "Sv39, " + tlbEntries + "-entry direct-mapped TLB, " + Sv39TranslationUnit.ASID_BITS + "-bit ASIDs";
    }
}
