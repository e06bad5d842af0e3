package osbox.hw.mmu;

import java.util.Locale;

/**
 * The TLB mechanism of every hart: size, associativity, ASIDs or
 * flush-on-switch, and hardware (Sv39 walker) or software (trap to the
 * kernel) refill. Parsed from a spec string ({@link #parse}); see
 * docs/tlb.md.
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
    public static final int MAX_ENTRIES = 65536;

    /** 256 entries, direct-mapped, ASIDs, hardware refill: the machine's default. */
    public static final TlbConfig DEFAULT = new TlbConfig(256, 1, true, false);

    /** The syntax, for error messages and help texts. */
    public static final String SYNTAX = "[ENTRIES[xWAYS]][,entries=N][,ways=N|full][,asid=on|off][,refill=hardware|software]";

    /** Checks the invariants; IllegalArgumentException with a readable message when one fails. */
    public TlbConfig {
        if (entries < 1 || entries > MAX_ENTRIES || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException(
                    "TLB entries must be a power of two between 1 and " + MAX_ENTRIES + ": " + entries);
        }
        if (ways < 1 || Integer.bitCount(ways) != 1) {
            throw new IllegalArgumentException("TLB ways must be a power of two (1 = direct-mapped): " + ways);
        }
        if (ways > entries) {
            throw new IllegalArgumentException(
                    "TLB ways (" + ways + ") cannot exceed entries (" + entries + "); ways=" + entries
                            + " is fully associative");
        }
        if (software && entries < 2) {
            throw new IllegalArgumentException(
                    "a software-managed TLB needs at least 2 entries (an access that crosses a page needs both pages)");
        }
        if (software && ways < 2) {
            // the hart retries the whole instruction after a miss trap, so its code page and its data page must
            // be in the TLB together: in one direct-mapped set they would evict each other forever
            throw new IllegalArgumentException("a software-managed TLB needs at least 2 ways (direct-mapped, an"
                    + " instruction whose code and data pages share a set would miss forever)");
        }
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

    /**
     * Parses a spec over {@link #DEFAULT}: comma-separated items, each
     * {@code entries=N}, {@code ways=N} or {@code ways=full},
     * {@code asid=on|off} (also asids, true/false, yes/no),
     * {@code refill=hardware|software} (also hw/sw); a first item may be the
     * short form {@code N} or {@code NxW} (entries, or entries x ways, e.g.
     * {@code 64x4}; {@code NxFULL} is fully associative). Unnamed items keep
     * the default; ways=full means ways = the final entries. An empty or
     * blank spec is the default. Bad input: IllegalArgumentException naming
     * the item.
     */
    public static TlbConfig parse(String spec) {
        return parse(spec, DEFAULT);
    }

    /** Like {@link #parse(String)} with items not named taken from {@code base}. */
    public static TlbConfig parse(String spec, TlbConfig base) {
        if (spec == null || spec.isBlank()) {
            return base;
        }
        int entries = base.entries;
        int ways = base.ways;
        boolean full = false;
        boolean waysGiven = false;
        boolean asids = base.asids;
        boolean software = base.software;
        String[] items = spec.split(",", -1);
        for (int k = 0; k < items.length; k++) {
            String item = items[k].trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                throw bad(spec, "empty item");
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                if (k != 0) {
                    throw bad(spec, "'" + item + "' is not key=value (the ENTRIESxWAYS short form must come first)");
                }
                int x = item.indexOf('x');
                entries = number(spec, "entries", x < 0 ? item : item.substring(0, x));
                if (x >= 0) {
                    String w = item.substring(x + 1);
                    waysGiven = true;
                    if (w.equals("full")) {
                        full = true;
                    } else {
                        ways = number(spec, "ways", w);
                    }
                }
                continue;
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            switch (key) {
                case "entries":
                case "size":
                    entries = number(spec, key, value);
                    break;
                case "ways":
                case "assoc":
                    waysGiven = true;
                    full = value.equals("full");
                    if (!full) {
                        ways = number(spec, key, value);
                    }
                    break;
                case "asid":
                case "asids":
                    asids = flag(spec, key, value);
                    break;
                case "refill":
                    if (value.equals("hardware") || value.equals("hw")) {
                        software = false;
                    } else if (value.equals("software") || value.equals("sw")) {
                        software = true;
                    } else {
                        throw bad(spec, "refill must be hardware or software, not '" + value + "'");
                    }
                    break;
                default:
                    throw bad(spec, "unknown key '" + key + "' (known: entries, ways, asid, refill)");
            }
        }
        if (full) {
            ways = entries;
        } else if (!waysGiven && ways > entries) {
            ways = entries;                             // a smaller TLB than the base's ways: as associative as it can be
        } else if (!waysGiven && software && ways < 2) {
            ways = Math.min(2, entries);                // software refill is at least 2-way unless ways are named
        }
        try {
            return new TlbConfig(entries, ways, asids, software);
        } catch (IllegalArgumentException e) {
            throw bad(spec, e.getMessage());
        }
    }

    private static int number(String spec, String key, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw bad(spec, key + " must be a number, not '" + text + "'");
        }
    }

    private static boolean flag(String spec, String key, String value) {
        switch (value) {
            case "on": case "true": case "yes": case "1": return true;
            case "off": case "false": case "no": case "0": return false;
            default: throw bad(spec, key + " must be on or off, not '" + value + "'");
        }
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad TLB spec '" + spec + "': " + why + "; syntax " + SYNTAX);
    }

    /** The spec string that parses back to this config: {@code entries=64,ways=4,asid=on,refill=hardware}. */
    public String spec() {
        return "entries=" + entries + ",ways=" + ways + ",asid=" + (asids ? "on" : "off")
                + ",refill=" + (software ? "software" : "hardware");
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
