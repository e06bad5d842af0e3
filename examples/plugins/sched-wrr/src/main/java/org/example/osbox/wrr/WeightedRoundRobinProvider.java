package org.example.osbox.wrr;

import java.util.Map;
import java.util.TreeMap;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;

/**
 * Makes "wrr" policies. Option: {@code quantum}, the turn of a nice-0 task in
 * cycles (an integer from 1 to {@value #MAX_QUANTUM}, default 1000000); other
 * nice values get it scaled by their weight.
 */
public class WeightedRoundRobinProvider implements SchedulingPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "wrr";
    /** Option: the nice-0 turn in cycles. */
    public static final String QUANTUM = "quantum";
    /** The largest quantum: the nice -20 turn (about 87 quanta) stays far from overflowing. */
    public static final long MAX_QUANTUM = 1_000_000_000_000L;

    /** One line for sched:list. */
    @Override
    public String describe() {
        return "Weighted round robin (example plugin): turns of quantum*weight(nice)/1024 cycles, in FIFO order";
    }

    /** quantum=1000000. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(QUANTUM, "1000000");
    }

    /** A fresh policy; an unknown option or a bad value is an IllegalArgumentException naming it. */
    @Override
    public SchedulingPolicy create(Map<String, String> options) {
        Map<String, String> values = new TreeMap<>(defaults());
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            if (!values.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "' (known: "
                        + values.keySet() + ")");
            }
            values.put(e.getKey(), e.getValue());
        }
        return new WeightedRoundRobinPolicy(longWithin(QUANTUM, values.get(QUANTUM), 1, MAX_QUANTUM));
    }

    /** text as a long within [min, max], or an error naming option key. */
    private static long longWithin(String key, String text, long min, long max) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + text + "'");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("option '" + key + "' must be within [" + min + ", " + max
                    + "], got " + v);
        }
        return v;
    }
}
