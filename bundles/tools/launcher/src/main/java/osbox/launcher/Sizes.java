package osbox.launcher;

import java.util.Locale;

/**
 * Memory and swap sizes as {@code --mem} and {@code --swap} take them: a
 * number of bytes with an optional K, M, G or T suffix (powers of 1024;
 * "4096K", "64M", "1G", also "64MiB" and "64MB"), a whole number of 4 KiB
 * pages, at most 4T. The same forms {@code osbox.mem} and {@code osbox.swap}
 * accept.
 */
final class Sizes {

    /** The largest size accepted (4 TiB). */
    static final long MAX = 4L << 40;
    private static final long PAGE = 4096;

    private Sizes() {
    }

    /**
     * The size in bytes, or an IllegalArgumentException whose message
     * completes "osbox: --mem TEXT: ". {@code zeroAllowed}: whether 0 is
     * valid (swap: none; memory: not).
     */
    static long parse(String text, boolean zeroAllowed) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                case 'T' -> shift = 40;
                default -> shift = 0;
            }
        }
        if (shift > 0) {
            t = t.substring(0, t.length() - 1);
        }
        String forms = zeroAllowed ? "use e.g. 0, 4096K, 64M, 1G" : "use e.g. 4096K, 64M, 1G";
        if (t.isEmpty() || t.length() > 16 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a size (" + forms + ")");
        }
        long n = Long.parseLong(t);
        if (n > (MAX >> shift)) {
            throw new IllegalArgumentException("too large (at most 4T)");
        }
        long bytes = n << shift;
        if (bytes == 0 && !zeroAllowed) {
            throw new IllegalArgumentException("must be more than 0 (" + forms + ")");
        }
        if (bytes % PAGE != 0) {
            throw new IllegalArgumentException("not a whole number of 4 KiB pages (" + forms + ")");
        }
        return bytes;
    }
}
