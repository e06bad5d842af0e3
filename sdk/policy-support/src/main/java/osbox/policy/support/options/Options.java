package osbox.policy.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and validates a policy's options: every name must be one of the
 * policy's defaults, every value well formed; each error is an
 * IllegalArgumentException naming the option (as the contract tests in
 * osbox.testkit require). Values are trimmed. Iteration is over TreeMaps only,
 * so the first error reported does not depend on map order.
 *
 * <p>Two forms: {@link #of(String, Map, Map)} prefixes every message with
 * {@code "policy NAME: "} and lists the known names as {@code a, b};
 * {@link #of(Map, Map)} gives bare messages listing them as {@code [a, b]}.
 */
public final class Options {
    private final String policy;
    private final TreeMap<String, String> values;

    private Options(String policy, TreeMap<String, String> values) {
        this.policy = policy;
        this.values = values;
    }

    /** Options {@code given} over {@code defaults}, errors with bare messages; throws naming an unknown option. */
    public static Options of(Map<String, String> defaults, Map<String, String> given) {
        return merge(null, defaults, given);
    }

    /** Options {@code given} over {@code defaults}, errors prefixed "policy NAME: "; throws naming an unknown option. */
    public static Options of(String policy, Map<String, String> defaults, Map<String, String> given) {
        if (policy == null) {
            throw new IllegalArgumentException("policy name is null");
        }
        return merge(policy, defaults, given);
    }

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

    private static Options merge(String policy, Map<String, String> defaults, Map<String, String> given) {
        Options o = new Options(policy, new TreeMap<>(defaults));
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
                Iterable<String> known = new TreeMap<>(defaults).keySet();
                throw o.error("unknown option '" + name + "' (known: "
                        + (policy == null ? known.toString() : String.join(", ", known)) + ")");
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

    /** An IllegalArgumentException with this form's prefix. */
    public IllegalArgumentException error(String message) {
        return new IllegalArgumentException(policy == null ? message : "policy " + policy + ": " + message);
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
