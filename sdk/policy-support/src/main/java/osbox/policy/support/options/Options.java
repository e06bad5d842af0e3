package osbox.policy.support.options;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.hw.MemorySize;

/**
 * The one option parser: policy options as users write them, their
 * validation against a policy's defaults, and sizes. Used by the kernel and
 * the VM manager (framework properties, Config Admin), the launcher
 * ({@code --sched-opt}, {@code --vm-opt}, {@code --mem}), the shell
 * ({@code sched:use NAME key=value...}) and every policy's provider.
 *
 * <p>One error format, an IllegalArgumentException whose message:
 * <ul>
 * <li>names the option as {@code option 'NAME'} ({@code option 'quantum' must
 * be at least 1, got 0}), as the test kit's contract tests require;</li>
 * <li>never names the policy: whoever reports the error puts the policy's
 * name before it ({@code sched:use: cfs: option ...},
 * {@code osbox: --sched cfs: option ...});</li>
 * <li>lists known options sorted, comma-separated:
 * {@code unknown option 'x' (known: a, b)}, or {@code (known: none)}.</li>
 * </ul>
 * Values are trimmed. Iteration is over sorted or insertion-ordered maps
 * only, so the first error reported never depends on hash order.
 */
public final class Options {
    private final TreeMap<String, String> values;

    private Options(TreeMap<String, String> values) {
        this.values = values;
    }

    // ---- option lists as users write them ----

    /**
     * Parses a comma-separated list of key=value items, as the framework
     * properties give them ({@code "quantum=5,levels=3"}); null or blank: none.
     * Keys and values are trimmed; a later key wins; the map keeps the order
     * given. Throws {@code option must be key=value: 'ITEM'}.
     */
    public static Map<String, String> parseList(String list) {
        if (list == null || list.isBlank()) {
            return Map.of();
        }
        return parse(list.split(","));
    }

    /**
     * Parses key=value items, as Config Admin (String[]), the shell's words and
     * the launcher's repeated options give them; null: none. A value may hold
     * commas ({@code quantum=1,2,4}). Keys and values are trimmed; a later key
     * wins; the map keeps the order given. Throws
     * {@code option must be key=value: 'ITEM'} for an item without a key.
     */
    public static Map<String, String> parse(String... items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items == null ? new String[0] : items) {
            int eq = item == null ? -1 : item.indexOf('=');
            if (eq < 0 || item.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException("option must be key=value: '"
                        + (item == null ? "" : item.trim()) + "'");
            }
            out.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return Collections.unmodifiableMap(out);
    }

    // ---- sizes ----

    /**
     * A size in bytes, read by the API's {@link MemorySize} (the one size
     * parser): digits with an optional suffix K, M, G or T (powers of
     * 1024, any case, an optional trailing B or iB): "0", "4096", "64M", "1G",
     * "512KiB". Throws {@code not a size (use e.g. 4096K, 64M, 1G)}, or
     * {@code too large (at most MAX)} above {@code max}.
     */
    public static long size(String text, long max) {
        return MemorySize.parse(text, max);
    }

    /** {@link #size(String, long)} with no bound but the range of a long. */
    public static long size(String text) {
        return size(text, Long.MAX_VALUE);
    }

    /**
     * {@link #size(String, long)} that must also be a whole number of 4 KiB
     * pages, and more than 0 unless {@code zeroAllowed}: memory and swap.
     */
    public static long pages(String text, long max, boolean zeroAllowed) {
        return MemorySize.pages(text, max, zeroAllowed);
    }

    // ---- a policy's options ----

    /** An unmodifiable map of {@code name, value} pairs in the given (listing) order, for a provider's defaults. */
    public static Map<String, String> defaults(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("defaults need name, value pairs, got " + namesAndValues.length
                    + " strings");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (m.put(namesAndValues[i], namesAndValues[i + 1]) != null) {
                throw new IllegalArgumentException("default '" + namesAndValues[i] + "' given twice");
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * A policy's options: {@code given} (null: none) over its {@code defaults}.
     * Throws {@code unknown option 'NAME' (known: a, b)} for a name that is
     * not among the defaults (the first in sorted order), and
     * {@code option 'NAME' has no value} for a null value.
     */
    public static Options of(Map<String, String> defaults, Map<String, String> given) {
        Options o = new Options(new TreeMap<>(defaults));
        if (given == null) {
            return o;
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey() == null) {
                throw o.error("option with a null name");
            }
            sorted.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String name = e.getKey();
            if (!defaults.containsKey(name)) {
                String known = String.join(", ", new TreeMap<>(defaults).keySet());
                throw o.error("unknown option '" + name + "' (known: " + (known.isEmpty() ? "none" : known) + ")");
            }
            if (e.getValue() == null) {
                throw o.error("option '" + name + "' has no value");
            }
            o.values.put(name, e.getValue());
        }
        return o;
    }

    /** The option's text, trimmed; {@code name} must be one of the defaults (a programming error otherwise). */
    public String text(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("option '" + name + "' is not among the policy's defaults");
        }
        return v.trim();
    }

    /** The option as an integer of at least {@code min} (digits only). */
    public long longAtLeast(String name, long min) {
        long v = parseLong(name, text(name));
        if (v < min) {
            throw error("option '" + name + "' must be at least " + min + ", got " + v);
        }
        return v;
    }

    /** The option as an integer in [min, max]; underscores may group digits ({@code 1_000_000}). */
    public long longIn(String name, long min, long max) {
        String text = text(name);
        long value = parseLong(name, text, text.replace("_", ""));
        if (value < min || value > max) {
            throw error("option '" + name + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    /** The option as a number within [min, max] (NaN is outside). */
    public double doubleWithin(String name, double min, double max) {
        String text = text(name);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw error("option '" + name + "' must be a number, got '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw error("option '" + name + "' must be within [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** The option as {@code true} or {@code false} (exactly, lower case). */
    public boolean bool(String name) {
        String v = text(name);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw error("option '" + name + "' must be true or false, got '" + v + "'");
    }

    /** The option as a comma list of integers, each at least {@code min}; at least one value. */
    public long[] longList(String name, long min) {
        String[] parts = text(name).split(",", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parseLong(name, parts[i].trim());
            if (out[i] < min) {
                throw error("option '" + name + "' values must be at least " + min + ", got " + out[i]);
            }
        }
        return out;
    }

    /**
     * An IllegalArgumentException in this format, for a policy's own checks
     * ({@code option 'quantum' must be a multiple of 4, got 6}).
     */
    public IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message);
    }

    /** text as a long, or an error naming the option. */
    private long parseLong(String name, String text) {
        return parseLong(name, text, text);
    }

    /** digits as a long, or an error naming the option and quoting text. */
    private long parseLong(String name, String text, String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw error("option '" + name + "' must be an integer, got '" + text + "'");
        }
    }
}
