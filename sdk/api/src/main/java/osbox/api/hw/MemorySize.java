package osbox.api.hw;

import java.util.Locale;

/**
 * Sizes of memory as people write them, the one parser for {@code --mem},
 * {@code --swap}, the framework properties {@code osbox.mem} and
 * {@code osbox.swap}, and the components that read them: the osbox script's
 * preflight, the launcher, physical memory and the VM manager all call this
 * class, so they cannot disagree about what a size is.
 *
 * <p>A size is decimal digits with an optional suffix K, M, G or T (powers
 * of 1024, any case), optionally followed by B or iB: {@code 0},
 * {@code 4096}, {@code 64M}, {@code 1G}, {@code 512KiB}, {@code 64MB},
 * {@code 4T}. Spaces around it are ignored. Errors are
 * IllegalArgumentException with a message of one line that says why and
 * how to write one, without the input (the caller names the option and the
 * text): {@code not a size (use e.g. 4096K, 64M, 1G)}.
 */
public final class MemorySize {

    /** The largest memory or swap the machine is documented to take: 4 TiB. */
    public static final long MAX_MACHINE = 4L << 40;

    /** The page size sizes of memory and swap must be a multiple of. */
    public static final long PAGE_SIZE = 4096;

    /** How to write a size, for messages. */
    public static final String FORMS = "use e.g. 4096K, 64M, 1G";

    /** How to write a size that may be 0 (none), for messages. */
    public static final String FORMS_OR_ZERO = "use e.g. 0, 4096K, 64M, 1G";

    // The suffixes and their shifts, largest first (for format as well as parse).
    private static final String UNITS = "TGMK";

    private MemorySize() {
    }

    /**
     * The bytes {@code text} names; throws when it is not a size
     * ({@code not a size (...)}) or more than {@code max}
     * ({@code too large (at most 4T)}). {@code max} must be at least 0.
     */
    public static long parse(String text, long max) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
            if (t.isEmpty() || UNITS.indexOf(t.charAt(t.length() - 1)) < 0) {
                throw notASize(FORMS);              // "64iB": iB needs a unit before it
            }
        } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int unit = t.isEmpty() ? -1 : UNITS.indexOf(t.charAt(t.length() - 1));
        int shift = unit < 0 ? 0 : 40 - 10 * unit;
        if (unit >= 0) {
            t = t.substring(0, t.length() - 1);
        }
        if (!allDigits(t)) {
            throw notASize(FORMS);
        }
        String digits = t.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 18 || Long.parseLong(digits) > (max >> shift)) {
            throw new IllegalArgumentException("too large (at most " + format(max) + ")");
        }
        return Long.parseLong(digits) << shift;
    }

    /**
     * {@link #parse} for memory and swap: at most {@code max}, a whole number
     * of 4 KiB pages, and more than 0 unless {@code zeroAllowed} (swap: 0 is
     * none). Returns the bytes.
     */
    public static long pages(String text, long max, boolean zeroAllowed) {
        String forms = zeroAllowed ? FORMS_OR_ZERO : FORMS;
        long bytes;
        try {
            bytes = parse(text, max);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("not a size")) {
                throw notASize(forms);
            }
            throw e;
        }
        if (bytes == 0 && !zeroAllowed) {
            throw new IllegalArgumentException("must be more than 0 (" + forms + ")");
        }
        if (bytes % PAGE_SIZE != 0) {
            throw new IllegalArgumentException("not a whole number of 4 KiB pages (" + forms + ")");
        }
        return bytes;
    }

    /** {@link #pages} with the machine's limit, {@link #MAX_MACHINE}: {@code --mem} and {@code --swap}. */
    public static long machine(String text, boolean zeroAllowed) {
        return pages(text, MAX_MACHINE, zeroAllowed);
    }

    /** {@code bytes} the way people write it, in the largest unit that divides it: "4T", "64M", "4096". */
    public static String format(long bytes) {
        for (int unit = 0; unit < UNITS.length(); unit++) {
            int shift = 40 - 10 * unit;
            if (bytes > 0 && bytes % (1L << shift) == 0) {
                return (bytes >> shift) + String.valueOf(UNITS.charAt(unit));
            }
        }
        return Long.toString(bytes);
    }

    /** Whether {@code text} is one or more ASCII digits (a loop: the launcher's preflight avoids lambdas, they cost JVM start time). */
    static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static IllegalArgumentException notASize(String forms) {
        return new IllegalArgumentException("not a size (" + forms + ")");
    }
}
