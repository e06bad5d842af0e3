package osbox.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.policy.PolicyControl;
import osbox.policy.support.options.Options;

/**
 * A policy slot's control for the launcher's tests: providers by name with
 * their defaults, options validated with the real parser (every option a
 * positive integer), none for the built-in as the real slot says, choices
 * recorded; optionally a provider that leaves as it is chosen (a race).
 */
final class FakePolicyControl implements PolicyControl {
    final String builtinDescription;
    final Map<String, Map<String, String>> providers = new TreeMap<>();
    final List<Ejection> ejections = new ArrayList<>();
    /** Every choice that was taken, as name{options}. */
    final List<String> uses = new ArrayList<>();
    String active = BUILTIN;
    Map<String, String> activeOptions = Map.of();
    String waitingFor;
    /** Set to make the provider leave between the listing and use() (a race). */
    boolean providerLeavesOnUse;

    FakePolicyControl(String builtinDescription) {
        this.builtinDescription = builtinDescription;
    }

    /** The scheduling slot: cfs (latency), rr (quantum) and fifo. */
    static FakePolicyControl scheduling() {
        FakePolicyControl c = new FakePolicyControl("fallback");
        c.providers.put("cfs", Map.of("latency", "6000000"));
        c.providers.put("rr", Map.of("quantum", "1000000"));
        c.providers.put("fifo", Map.of());
        return c;
    }

    /** The page-replacement slot: clock, lru and aging (bits). */
    static FakePolicyControl replacement() {
        FakePolicyControl c = new FakePolicyControl("fallback");
        c.providers.put("clock", Map.of());
        c.providers.put("lru", Map.of());
        c.providers.put("aging", Map.of("bits", "8"));
        return c;
    }

    @Override
    public String kind() {
        return "test";
    }

    @Override
    public List<Policy> policies() {
        List<Policy> out = new ArrayList<>();
        out.add(new Policy(BUILTIN, builtinDescription, Map.of(), active.equals(BUILTIN)));
        providers.forEach((name, defaults) -> out.add(new Policy(name, name + " policy", defaults,
                active.equals(name))));
        return out;
    }

    @Override
    public String active() {
        return active;
    }

    @Override
    public Map<String, String> activeOptions() {
        return activeOptions;
    }

    @Override
    public String waitingFor() {
        return waitingFor;
    }

    @Override
    public List<Ejection> ejections() {
        return ejections;
    }

    @Override
    public long swaps() {
        return uses.size();
    }

    @Override
    public boolean use(String name, Map<String, String> options) {
        if (BUILTIN.equals(name) && !options.isEmpty()) {
            throw new IllegalArgumentException("the built-in policy takes no options (got "
                    + String.join(", ", options.keySet()) + ")");
        }
        if (providerLeavesOnUse) {
            providers.remove(name);
        }
        Map<String, String> defaults = BUILTIN.equals(name) ? Map.of() : providers.get(name);
        if (defaults != null) {
            Options valid = Options.of(defaults, options);
            options.keySet().forEach(key -> valid.longAtLeast(key, 1));
        }
        uses.add(name + options);
        if (defaults == null) {
            waitingFor = name;
            return false;
        }
        active = name;
        activeOptions = new TreeMap<>(options);
        waitingFor = null;
        return true;
    }
}
