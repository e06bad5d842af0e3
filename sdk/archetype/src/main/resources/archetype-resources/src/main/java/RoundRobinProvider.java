package ${package};

import java.util.Map;
import java.util.TreeMap;
import osbox.api.sched.SchedulingPolicy;
import osbox.api.sched.SchedulingPolicyProvider;

/**
 * Makes "${policyName}" policies. Option: {@code quantum}, the cycles a task
 * runs before the next one gets the hart (an integer, at least 1).
 */
public class RoundRobinProvider implements SchedulingPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "${policyName}";
    /** Option: the quantum in cycles. */
    public static final String QUANTUM = "quantum";

    /** One line for sched:list. */
    @Override
    public String describe() {
        return "Round robin (a plugin): one FIFO queue, each task runs one quantum at a time";
    }

    /** Every option with its default: quantum=1000000. */
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
        return new RoundRobinPolicy(positiveLong(QUANTUM, values.get(QUANTUM)));
    }

    /** text as a long of at least 1, or an error naming option key. */
    private static long positiveLong(String key, String text) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + text + "'");
        }
        if (v < 1) {
            throw new IllegalArgumentException("option '" + key + "' must be at least 1, got " + v);
        }
        return v;
    }
}
