package org.example.osbox.nru;

import java.util.Map;
import java.util.TreeMap;
import osbox.api.vm.ReplacementPolicy;
import osbox.api.vm.ReplacementPolicyProvider;

/**
 * Makes "nru" policies. Option: {@code period}, the cycles between two
 * clearings of the reference bits (an integer, at least 1; underscores may
 * group digits).
 */
public class NotRecentlyUsedProvider implements ReplacementPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "nru";
    /** Option: cycles between clearings of the reference bits. */
    public static final String PERIOD = "period";

    /** One line for vm:list. */
    @Override
    public String describe() {
        return "NRU (example plugin): evicts a random page of the lowest (referenced, dirty) class;"
                + " reference bits are cleared every period";
    }

    /** Every option with its default: period=1000000. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(PERIOD, "1000000");
    }

    /** A fresh policy; an unknown option or a bad value is an IllegalArgumentException naming it. */
    @Override
    public ReplacementPolicy create(Map<String, String> options) {
        Map<String, String> values = new TreeMap<>(defaults());
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "' (known: "
                        + values.keySet() + ")");
            }
            values.put(e.getKey(), e.getValue());
        }
        return new NotRecentlyUsedPolicy(positiveLong(PERIOD, values.get(PERIOD)));
    }

    /** text as a long of at least 1, or an error naming option key. */
    private static long positiveLong(String key, String text) {
        long v;
        try {
            v = Long.parseLong(text.trim().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + text + "'");
        }
        if (v < 1) {
            throw new IllegalArgumentException("option '" + key + "' must be at least 1, got " + v);
        }
        return v;
    }
}
