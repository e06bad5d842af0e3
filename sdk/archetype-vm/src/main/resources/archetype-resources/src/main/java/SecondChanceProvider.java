package ${package};

import java.util.Map;
import java.util.TreeMap;
import osbox.api.vm.ReplacementPolicy;
import osbox.api.vm.ReplacementPolicyProvider;

/**
 * Makes "${policyName}" policies. Option: {@code prefer-clean} ({@code true}
 * or {@code false}, default false): pass over unreferenced dirty pages once,
 * so that clean ones (no page-out) are evicted first.
 */
public class SecondChanceProvider implements ReplacementPolicyProvider {
    /** The name users choose the policy by. */
    public static final String NAME_VALUE = "${policyName}";
    /** Option: prefer clean victims. */
    public static final String PREFER_CLEAN = "prefer-clean";

    /** One line for vm:list. */
    @Override
    public String describe() {
        return "Second chance (a plugin): FIFO order, a referenced page has its bit cleared and goes to the back";
    }

    /** Every option with its default: prefer-clean=false. */
    @Override
    public Map<String, String> defaults() {
        return Map.of(PREFER_CLEAN, "false");
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
        return new SecondChancePolicy(bool(PREFER_CLEAN, values.get(PREFER_CLEAN)));
    }

    /** text as true or false, or an error naming option key. */
    private static boolean bool(String key, String text) {
        String t = text.trim();
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw new IllegalArgumentException("option '" + key + "' must be true or false, got '" + text + "'");
    }
}
