package osbox.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.policy.PolicyControl;
import osbox.policy.support.options.Options;

/**
 * A policy slot's control for the shell's tests: providers by name with their
 * defaults, options validated with the real parser (every option an integer),
 * none for the built-in as the real slot says, choices recorded.
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

    FakePolicyControl(String builtinDescription) {
        this.builtinDescription = builtinDescription;
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
        Map<String, String> defaults = BUILTIN.equals(name) ? Map.of() : providers.get(name);
        if (defaults != null) {
            Options valid = Options.of(defaults, options);
            options.keySet().forEach(key -> valid.longAtLeast(key, 0));
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
