package osbox.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.sched.SchedulerControl;

/**
 * A scheduler control with a few providers, each validating its options
 * against its defaults (unknown key or a value that is not a number is
 * refused, as the real providers do), recording what was chosen.
 */
final class FakeScheduler implements SchedulerControl {
    final Map<String, Map<String, String>> providers = new TreeMap<>();
    final List<String> uses = new ArrayList<>();
    String active = BUILTIN;
    String waitingFor;
    /** Set to make the provider leave between the listing and use() (a race). */
    boolean providerLeavesOnUse;

    FakeScheduler() {
        providers.put("cfs", Map.of("latency", "6000000"));
        providers.put("rr", Map.of("quantum", "1000000"));
        providers.put("fifo", Map.of());
    }

    @Override
    public List<Policy> policies() {
        List<Policy> out = new ArrayList<>();
        out.add(new Policy(BUILTIN, "fallback", Map.of(), active.equals(BUILTIN)));
        providers.forEach((n, d) -> out.add(new Policy(n, n, d, active.equals(n))));
        return out;
    }

    @Override public String active() { return active; }
    @Override public String waitingFor() { return waitingFor; }
    @Override public List<Ejection> ejections() { return List.of(); }
    @Override public long swaps() { return uses.size(); }

    @Override
    public boolean use(String name, Map<String, String> options) {
        if (providerLeavesOnUse) {
            providers.remove(name);
        }
        Map<String, String> defaults = BUILTIN.equals(name) ? Map.of() : providers.get(name);
        if (defaults == null) {
            waitingFor = name;
            uses.add(name + options);
            return false;
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "'");
            }
            if (!e.getValue().matches("[1-9][0-9]*")) {
                throw new IllegalArgumentException("option '" + e.getKey() + "' must be a positive integer, got '"
                        + e.getValue() + "'");
            }
        }
        uses.add(name + options);
        active = name;
        waitingFor = null;
        return true;
    }
}
