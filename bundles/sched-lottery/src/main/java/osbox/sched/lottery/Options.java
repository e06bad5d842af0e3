package osbox.sched.lottery;

import java.util.Map;
import java.util.TreeMap;

/** A policy's options: names checked against its defaults, values read as bounded integers. */
final class Options {
    private final String policy;
    private final Map<String, String> values;

    private Options(String policy, Map<String, String> values) {
        this.policy = policy;
        this.values = values;
    }

    /** Merges {@code given} over {@code defaults}; throws IllegalArgumentException naming an unknown option. */
    static Options of(String policy, Map<String, String> defaults, Map<String, String> given) {
        Map<String, String> merged = new TreeMap<>(defaults);
        if (given != null) {
            Map<String, String> sorted = new TreeMap<>();
            for (Map.Entry<String, String> e : given.entrySet()) {
                if (e.getKey() == null) {
                    throw new IllegalArgumentException("policy " + policy + ": option with a null name");
                }
                sorted.put(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : sorted.entrySet()) {
                if (!defaults.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("policy " + policy + ": unknown option '" + e.getKey()
                            + "' (known: " + String.join(", ", new TreeMap<>(defaults).keySet()) + ")");
                }
                if (e.getValue() == null) {
                    throw new IllegalArgumentException("policy " + policy + ": option '" + e.getKey() + "' has no value");
                }
                merged.put(e.getKey(), e.getValue().trim());
            }
        }
        return new Options(policy, merged);
    }

    /** The option as an integer in [min, max]; throws IllegalArgumentException naming it otherwise. */
    long longIn(String name, long min, long max) {
        String text = values.get(name);
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("policy " + policy + ": option '" + name
                    + "' must be an integer, got '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("policy " + policy + ": option '" + name
                    + "' must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }
}
