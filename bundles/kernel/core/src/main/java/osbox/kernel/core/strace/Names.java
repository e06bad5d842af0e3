package osbox.kernel.core.strace;

/**
 * Names for the values of an argument that is one of a list (not bits):
 * {@code SEEK_SET}, {@code F_GETFD}, {@code RLIMIT_STACK}, an ioctl
 * request. A value with no name prints as {@code fallback} formats it
 * (decimal or hex), as strace prints an unknown command.
 */
public final class Names {
    private final long[] values;
    private final String[] names;
    private final boolean hexFallback;

    private Names(long[] values, String[] names, boolean hexFallback) {
        this.values = values;
        this.names = names;
        this.hexFallback = hexFallback;
    }

    /** Names from alternating values and names; unknown values in decimal. */
    public static Names of(Object... valuesAndNames) {
        return build(false, valuesAndNames);
    }

    /** As {@link #of}, unknown values in hex (ioctl requests, prctl options). */
    public static Names hexOf(Object... valuesAndNames) {
        return build(true, valuesAndNames);
    }

    private static Names build(boolean hex, Object... valuesAndNames) {
        Pairs p = pairs(valuesAndNames);
        return new Names(p.values(), p.names(), hex);
    }

    /** Values and their names, parsed from alternating arguments. */
    record Pairs(long[] values, String[] names) {
    }

    /** Parses alternating values (any Number) and names: {@code 1, "A", 2, "B"}. */
    static Pairs pairs(Object... valuesAndNames) {
        if (valuesAndNames.length % 2 != 0) {
            throw new IllegalArgumentException("names need value, name pairs");
        }
        int n = valuesAndNames.length / 2;
        long[] values = new long[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = ((Number) valuesAndNames[2 * i]).longValue();
            names[i] = (String) valuesAndNames[2 * i + 1];
        }
        return new Pairs(values, names);
    }

    /** The name of {@code value}, or null when it has none. */
    public String nameOf(long value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return names[i];
            }
        }
        return null;
    }

    /** The name of {@code value}, or the value itself (decimal, or hex for {@link #hexOf}). */
    public String format(long value) {
        String name = nameOf(value);
        return name != null ? name : hexFallback ? Formats.hex(value) : Long.toString(value);
    }
}
