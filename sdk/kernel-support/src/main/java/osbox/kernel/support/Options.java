package osbox.kernel.support;

import java.util.Map;
import java.util.TreeMap;

/** Policy options written as "key=value" items. */
public final class Options {
    private Options() {
    }

    /** Parses a comma-separated list of key=value (null or blank: none). */
    public static Map<String, String> parse(String list) {
        TreeMap<String, String> out = new TreeMap<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String item : list.split(",")) {
            put(out, item);
        }
        return out;
    }

    /** Parses key=value items. */
    public static Map<String, String> parse(String[] items) {
        TreeMap<String, String> out = new TreeMap<>();
        for (String item : items) {
            put(out, item);
        }
        return out;
    }

    /**
     * A size in bytes: a number with an optional suffix K, M, G or T (powers
     * of 1024, case-insensitive, an optional trailing B or iB): "0", "4096",
     * "64M", "1G", "512KiB". Throws IllegalArgumentException naming the text.
     */
    public static long size(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(java.util.Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B") && t.length() > 1 && !Character.isDigit(t.charAt(t.length() - 2))) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K': shift = 10; break;
                case 'M': shift = 20; break;
                case 'G': shift = 30; break;
                case 'T': shift = 40; break;
                default: break;
            }
        }
        if (shift > 0) {
            t = t.substring(0, t.length() - 1).trim();
        }
        try {
            long n = Long.parseLong(t);
            if (n < 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size: '" + text + "' (use e.g. 0, 4096, 64M, 1G)");
        }
    }

    private static void put(Map<String, String> out, String item) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("option must be key=value: '" + item.trim() + "'");
        }
        out.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
    }

    /**
     * Applies a policy chosen by configuration (Config Admin): parses the
     * key=value options and calls {@code use(name, options)}, which answers
     * whether the policy is active now. A rejected or failing configuration
     * is logged as an error naming {@code kind} and changes nothing; one
     * waiting for its bundle is logged at info.
     */
    public static void applyConfigured(String kind, String name, String[] options,
            java.util.function.BiPredicate<String, Map<String, String>> use, org.slf4j.Logger log) {
        try {
            if (!use.test(name, parse(options))) {
                log.info("{} policy {} chosen; it runs when its bundle starts", kind, name);
            }
        } catch (IllegalArgumentException e) {
            log.error("{} configuration rejected ({}): {}", kind, name, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} configuration failed ({})", kind, name, e);
        }
    }
}
