package osbox.testkit.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.policy.PolicyControl;

/**
 * A policy slot's control without a machine, for tests of code that uses a
 * {@link PolicyControl}. Providers are given by name with their defaults
 * ({@link #provider}); {@link #use} checks options as a real provider and
 * slot would, with the same messages: an unknown name
 * ({@code unknown option 'x' (known: a, b)}), a value that is not an integer
 * of at least 1 ({@code option 'k' must be an integer, got 'v'},
 * {@code option 'k' must be at least 1, got 0}), any option for the built-in
 * policy. Every choice taken is recorded in {@link #uses}; the fields are
 * open so a test can set up any state. Not thread-safe: one test thread.
 */
public final class FakePolicyControl implements PolicyControl {
    private final String kind;
    private final String builtinDescription;
    /** Present providers: name to defaults (in listing order), sorted by name. */
    public final Map<String, Map<String, String>> providers = new TreeMap<>();
    /** Ejections to report, oldest first. */
    public final List<Ejection> ejections = new ArrayList<>();
    /** Every choice that was taken (valid options), as {@code name{options}}, oldest first. */
    public final List<String> uses = new ArrayList<>();
    /** The active policy's name. */
    public String active = BUILTIN;
    /** The options the active policy was made with. */
    public Map<String, String> activeOptions = Map.of();
    /** The policy chosen whose provider is absent, or null. */
    public String waitingFor;
    /** When set, the chosen provider leaves just before it is made (a race with its bundle stopping). */
    public boolean providerLeavesOnUse;

    /** A slot of {@code kind} whose built-in policy {@link #policies} describes as {@code builtinDescription}. */
    public FakePolicyControl(String kind, String builtinDescription) {
        this.kind = kind;
        this.builtinDescription = builtinDescription;
    }

    /** Adds a present provider {@code name} whose options are {@code defaults}; returns this. */
    public FakePolicyControl provider(String name, Map<String, String> defaults) {
        providers.put(name, defaults);
        return this;
    }

    @Override
    public String kind() {
        return kind;
    }

    /** The built-in policy, then each provider, described as "NAME policy". */
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

    /** Checks the options, records the choice, and makes it active if its provider is present. */
    @Override
    public boolean use(String name, Map<String, String> options) {
        if (providerLeavesOnUse) {
            providers.remove(name);
        }
        Map<String, String> defaults = BUILTIN.equals(name) ? Map.of() : providers.get(name);
        if (BUILTIN.equals(name) && !options.isEmpty()) {
            throw new IllegalArgumentException("the built-in policy takes no options (got "
                    + String.join(", ", options.keySet()) + ")");
        }
        if (defaults != null) {
            check(defaults, options);
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

    // Every option among the defaults and an integer of at least 1, in sorted order.
    private static void check(Map<String, String> defaults, Map<String, String> options) {
        for (Map.Entry<String, String> e : new TreeMap<>(options).entrySet()) {
            String key = e.getKey();
            if (!defaults.containsKey(key)) {
                String known = String.join(", ", new TreeMap<>(defaults).keySet());
                throw new IllegalArgumentException("unknown option '" + key + "' (known: "
                        + (known.isEmpty() ? "none" : known) + ")");
            }
            long value;
            try {
                value = Long.parseLong(e.getValue().trim());
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + e.getValue()
                        + "'");
            }
            if (value < 1) {
                throw new IllegalArgumentException("option '" + key + "' must be at least 1, got " + value);
            }
        }
    }
}
