package osbox.api.hw;

import java.util.Locale;

/**
 * The TLB every hart gets, and the one parser of its spec ({@code --tlb},
 * the framework property {@code osbox.tlb}): the osbox script's preflight,
 * the launcher and the MMU component all call {@link #parse}, so they
 * cannot disagree. docs/tlb.md describes the mechanism.
 *
 * <p>A spec is comma-separated items over a base (the machine's default
 * unless given): {@code entries=N}, {@code ways=N} or {@code ways=full},
 * {@code asid=on|off} (also asids, true/false, yes/no, 1/0),
 * {@code refill=hardware|software} (also hw/sw); the first item may be the
 * short form {@code N} or {@code NxW} ({@code 64x4}; {@code NxFULL} is
 * fully associative). Errors are IllegalArgumentException with a one-line
 * message saying why, without the spec (the caller names it).
 *
 * @param entries  entries per hart: a power of two, 1 to {@link #MAX_ENTRIES}
 * @param ways     ways per set: a power of two, 1 (direct-mapped) to
 *                 {@code entries} (fully associative)
 * @param asids    true: entries carry the ASID; false: a satp write that
 *                 changes the address space flushes the TLB
 * @param software true: a miss traps to the kernel ({@code refill=software});
 *                 false: the hardware walks Sv39
 */
public record TlbSpec(int entries, int ways, boolean asids, boolean software) {

    /** Largest TLB accepted. */
    public static final int MAX_ENTRIES = 65536;

    /** 256 entries, direct-mapped, ASIDs, hardware refill: the machine's default. */
    public static final TlbSpec DEFAULT = new TlbSpec(256, 1, true, false);

    /** The syntax, for error messages and help texts. */
    public static final String SYNTAX =
            "[ENTRIES[xWAYS]][,entries=N][,ways=N|full][,asid=on|off][,refill=hardware|software]";

    /** Checks the invariants; IllegalArgumentException with a one-line reason when one fails. */
    public TlbSpec {
        if (entries < 1 || entries > MAX_ENTRIES || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException(
                    "entries must be a power of two from 1 to " + MAX_ENTRIES + ", not " + entries);
        }
        if (ways < 1 || Integer.bitCount(ways) != 1) {
            throw new IllegalArgumentException("ways must be a power of two (1 = direct-mapped), not " + ways);
        }
        if (ways > entries) {
            throw new IllegalArgumentException("more ways (" + ways + ") than entries (" + entries + "); ways="
                    + entries + " or full is fully associative");
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

    /** {@link #parse(String, TlbSpec)} over {@link #DEFAULT}. */
    public static TlbSpec parse(String spec) {
        return parse(spec, DEFAULT);
    }

    /**
     * The TLB {@code spec} describes, items it does not name taken from
     * {@code base}. Null or blank is {@code base}. ways=full means ways =
     * the final entries; a TLB smaller than the base's ways is as
     * associative as it can be; software refill is at least 2-way unless
     * the ways are named. Throws on an empty item (a stray comma), an
     * unknown key, a short form after the first item, or a value out of range.
     */
    public static TlbSpec parse(String spec, TlbSpec base) {
        if (spec == null || spec.isBlank()) {
            return base;
        }
        Builder b = new Builder(base);
        String[] items = spec.split(",", -1);
        for (int k = 0; k < items.length; k++) {
            String item = items[k].trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                throw new IllegalArgumentException("empty item (a stray comma?); syntax " + SYNTAX);
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                if (k != 0) {
                    throw new IllegalArgumentException("'" + item
                            + "' is not KEY=VALUE (the ENTRIESxWAYS short form must come first); syntax " + SYNTAX);
                }
                b.shortForm(item);
            } else {
                b.item(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
            }
        }
        return b.build();
    }

    /** The spec that parses back to this TLB: {@code entries=64,ways=4,asid=on,refill=hardware}. */
    public String spec() {
        return "entries=" + entries + ",ways=" + ways + ",asid=" + (asids ? "on" : "off")
                + ",refill=" + (software ? "software" : "hardware");
    }

    // The items read so far, over the base.
    private static final class Builder {
        private int entries;
        private int ways;
        private boolean full;
        private boolean waysGiven;
        private boolean asids;
        private boolean software;

        Builder(TlbSpec base) {
            entries = base.entries;
            ways = base.ways;
            asids = base.asids;
            software = base.software;
        }

        // N or NxW or NxFULL
        void shortForm(String item) {
            int x = item.indexOf('x');
            entries = number("entries", x < 0 ? item : item.substring(0, x));
            if (x >= 0) {
                ways(item.substring(x + 1));
            }
        }

        // KEY=VALUE, dispatched on the key
        void item(String key, String value) {
            switch (key) {
                case "entries", "size" -> entries = number("entries", value);
                case "ways", "assoc" -> ways(value);
                case "asid", "asids" -> asids = flag(key, value);
                case "refill" -> software = refill(value);
                default -> throw new IllegalArgumentException(
                        "unknown key '" + key + "' (known: entries, ways, asid, refill)");
            }
        }

        void ways(String value) {
            waysGiven = true;
            full = value.equals("full");
            if (!full) {
                ways = number("ways", value);
            }
        }

        TlbSpec build() {
            int w = ways;
            if (full) {
                w = entries;
            } else if (!waysGiven && w > entries) {
                w = entries;
            } else if (!waysGiven && software && w < 2) {
                w = Math.min(2, entries);
            }
            return new TlbSpec(entries, w, asids, software);
        }

        private static int number(String key, String text) {
            if (!MemorySize.allDigits(text)) {
                throw new IllegalArgumentException(key + " must be a number, not '" + text + "'");
            }
            // past 9 digits it cannot be a TLB size: the constructor says so with the range
            return text.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(text);
        }

        private static boolean flag(String key, String value) {
            return switch (value) {
                case "on", "true", "yes", "1" -> true;
                case "off", "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException(key + " must be on or off, not '" + value + "'");
            };
        }

        private static boolean refill(String value) {
            return switch (value) {
                case "hardware", "hw" -> false;
                case "software", "sw" -> true;
                default -> throw new IllegalArgumentException(
                        "refill must be hardware or software, not '" + value + "'");
            };
        }
    }
}
