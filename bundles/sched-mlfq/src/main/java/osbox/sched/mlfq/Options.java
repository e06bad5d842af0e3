package osbox.sched.mlfq;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and validates a policy's options: every key must be known, every
 * value well formed; errors are IllegalArgumentExceptions naming the option.
 */
final class Options {
    private final TreeMap<String, String> values;

    /** Options over defaults; throws when options holds a key defaults lacks. */
    Options(Map<String, String> defaults, Map<String, String> options) {
        values = new TreeMap<>(defaults);
        for (String key : new TreeMap<>(options).keySet()) {
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException("unknown option '" + key + "' (known: "
                        + new TreeMap<>(defaults).keySet() + ")");
            }
            values.put(key, options.get(key));
        }
    }

    /** The raw text of option key. */
    String text(String key) {
        return values.get(key).trim();
    }

    /** Option key as a long of at least min. */
    long longAtLeast(String key, long min) {
        long v = parseLong(key, text(key));
        if (v < min) {
            throw new IllegalArgumentException("option '" + key + "' must be at least " + min + ", got " + v);
        }
        return v;
    }

    /** Option key as a double within [min, max]. */
    double doubleWithin(String key, double min, double max) {
        double v;
        try {
            v = Double.parseDouble(text(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be a number, got '" + text(key) + "'");
        }
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("option '" + key + "' must be within [" + min + ", " + max
                    + "], got " + v);
        }
        return v;
    }

    /** Option key as true or false. */
    boolean bool(String key) {
        String v = text(key);
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("option '" + key + "' must be true or false, got '" + v + "'");
    }

    /** Option key as a comma list of longs, each at least min; at least one. */
    long[] longList(String key, long min) {
        String[] parts = text(key).split(",", -1);
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parseLong(key, parts[i].trim());
            if (out[i] < min) {
                throw new IllegalArgumentException("option '" + key + "' values must be at least " + min
                        + ", got " + out[i]);
            }
        }
        return out;
    }

    /** text as a long, or an error naming key. */
    private static long parseLong(String key, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + text + "'");
        }
    }
}
