package osbox.kernel.core.strace;

/**
 * Names for the bits of a flags argument, printed as strace does:
 * {@code O_RDONLY|O_CLOEXEC}, with the bits no name covers in hex at the
 * end ({@code PROT_READ|0x100}) and {@code zero}'s name (or {@code 0})
 * when nothing is set. Entries are tried in order, so a name covering
 * several bits goes before the single bits it includes; an entry matches
 * when all its bits are set.
 */
public final class FlagSet {
    private final String zero;
    private final long[] values;
    private final String[] names;

    private FlagSet(String zero, long[] values, String[] names) {
        this.zero = zero;
        this.values = values;
        this.names = names;
    }

    /**
     * A set from alternating values and names: {@code of("0", 1L, "A", 2L, "B")};
     * {@code zero} is printed for a value with no bits (null: {@code 0}).
     */
    public static FlagSet of(String zero, Object... valuesAndNames) {
        Names.Pairs p = Names.pairs(valuesAndNames);
        for (int i = 0; i < p.values().length; i++) {
            if (p.values()[i] == 0) {
                throw new IllegalArgumentException("flag " + p.names()[i] + " has no bits");
            }
        }
        return new FlagSet(zero == null ? "0" : zero, p.values(), p.names());
    }

    /** The value's flags joined by '|', unknown bits last in hex; the zero name for 0. */
    public String format(long value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** Appends {@link #format}'s text for {@code value} to {@code out}; returns out. */
    public StringBuilder append(StringBuilder out, long value) {
        if (value == 0) {
            return out.append(zero);
        }
        int start = out.length();
        long rest = value;
        for (int i = 0; i < values.length; i++) {
            if ((rest & values[i]) == values[i]) {
                out.append(out.length() > start ? "|" : "").append(names[i]);
                rest &= ~values[i];
            }
        }
        if (rest != 0) {
            out.append(out.length() > start ? "|" : "").append("0x").append(Long.toHexString(rest));
        }
        return out;
    }
}
