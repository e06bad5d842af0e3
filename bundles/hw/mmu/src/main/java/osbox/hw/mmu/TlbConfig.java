package osbox.hw.mmu;

import osbox.api.hw.TlbSpec;

/**
 * The TLB mechanism of every hart: size, associativity, ASIDs or
 * flush-on-switch, and hardware (Sv39 walker) or software (trap to the
 * kernel) refill. Parsed from a spec string by the API's {@link TlbSpec}
 * (the one parser, shared with the launcher's preflight); see docs/tlb.md.
 *
 * @param entries  entries per hart: a power of two, 1 to {@link #MAX_ENTRIES}
 * @param ways     ways per set: a power of two, 1 (direct-mapped) to
 *                 {@code entries} (fully associative)
 * @param asids    true: entries carry the ASID and survive satp writes;
 *                 false: the ASID is ignored and a satp write that changes
 *                 the address space flushes the TLB
 * @param software true: a miss traps to the kernel, which installs entries
 *                 ({@code refill=software}); false: the hardware walks Sv39
 */
public record TlbConfig(int entries, int ways, boolean asids, boolean software) {
    /** Largest TLB accepted. */
    public static final int MAX_ENTRIES = TlbSpec.MAX_ENTRIES;

    /** 256 entries, direct-mapped, ASIDs, hardware refill: the machine's default. */
    public static final TlbConfig DEFAULT = of(TlbSpec.DEFAULT);

    /** The syntax, for error messages and help texts. */
    public static final String SYNTAX = TlbSpec.SYNTAX;

    /** Checks the invariants (the API's {@link TlbSpec} holds them); IllegalArgumentException when one fails. */
    public TlbConfig {
        new TlbSpec(entries, ways, asids, software);
    }

    /** The mechanism {@code spec} describes. */
    public static TlbConfig of(TlbSpec spec) {
        return new TlbConfig(spec.entries(), spec.ways(), spec.asids(), spec.software());
    }

    /** This mechanism as the API's spec. */
    public TlbSpec toSpec() {
        return new TlbSpec(entries, ways, asids, software);
    }

    /** The default mechanism with {@code entries} entries (direct-mapped, ASIDs, hardware refill). */
    public static TlbConfig directMapped(int entries) {
        return new TlbConfig(entries, 1, true, false);
    }

    /** Sets: entries / ways. */
    public int sets() {
        return entries / ways;
    }

    public TlbConfig withEntries(int n) {
        return new TlbConfig(n, Math.min(ways, n), asids, software);
    }

    public TlbConfig withWays(int n) {
        return new TlbConfig(entries, n, asids, software);
    }

    public TlbConfig withAsids(boolean on) {
        return new TlbConfig(entries, ways, on, software);
    }

    public TlbConfig withSoftwareRefill(boolean on) {
        return new TlbConfig(entries, ways, asids, on);
    }

    /** Parses a spec over {@link #DEFAULT} with {@link TlbSpec#parse(String, TlbSpec)}: the one parser. */
    public static TlbConfig parse(String spec) {
        return parse(spec, DEFAULT);
    }

    /** Like {@link #parse(String)} with items not named taken from {@code base}. */
    public static TlbConfig parse(String spec, TlbConfig base) {
        return of(TlbSpec.parse(spec, base.toSpec()));
    }

    /** The spec string that parses back to this config: {@code entries=64,ways=4,asid=on,refill=hardware}. */
    public String spec() {
        return toSpec().spec();
    }

    /**
     * For reports: "Sv39, TLB 64 entries 4-way LRU, ASIDs", or for a
     * software-managed TLB "software-managed TLB 64 entries fully associative
     * LRU, flush on switch, misses trap".
     */
    public String describe() {
        String org = ways == 1 ? "direct-mapped"
                : ways == entries ? "fully associative LRU" : ways + "-way LRU";
        return (software ? "software-managed TLB " : "Sv39, TLB ") + entries
                + (entries == 1 ? " entry " : " entries ") + org + ", "
                + (asids ? "ASIDs" : "flush on switch")
                + (software ? ", misses trap" : "");
    }
}
