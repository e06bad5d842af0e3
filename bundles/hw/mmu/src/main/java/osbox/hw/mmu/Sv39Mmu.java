package osbox.hw.mmu;

import osbox.api.hw.Mmu;
import osbox.api.hw.PhysicalMemory;
import osbox.api.hw.TranslationUnit;

/**
 * The Sv39 MMU design: every hart gets a {@link Sv39TranslationUnit} with a
 * TLB of the same {@link TlbConfig}. Plain Java; {@link MmuComponent}
 * publishes it as a service.
 */
public final class Sv39Mmu implements Mmu {
    /** Largest TLB accepted. */
    public static final int MAX_TLB_ENTRIES = TlbConfig.MAX_ENTRIES;

    private final TlbConfig config;

    /** Makes the design with a direct-mapped, ASID-tagged, hardware-refilled TLB of {@code tlbEntries} entries per hart. */
    public Sv39Mmu(int tlbEntries) {
        this(TlbConfig.directMapped(tlbEntries));
    }

    /** Makes the design with the TLB {@code config} describes on every hart. */
    public Sv39Mmu(TlbConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("a TLB configuration is required");
        }
        this.config = config;
    }

    /** Throws IllegalArgumentException unless n is a power of two between 1 and 65536. */
    static void checkTlbEntries(int n) {
        TlbConfig.directMapped(n);
    }

    public int tlbEntries() {
        return config.entries();
    }

    public TlbConfig config() {
        return config;
    }

    @Override
    public TranslationUnit createUnit(int hartId, PhysicalMemory memory) {
        return new Sv39TranslationUnit(hartId, memory, config);
    }

    /** "Sv39, TLB 64 entries 4-way LRU, ASIDs" and the like ({@link TlbConfig#describe()}). */
    @Override
    public String describe() {
        return config.describe();
    }
}
