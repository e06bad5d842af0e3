package osbox.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import osbox.api.vm.VmControl;

/** A VM control with a few replacement policies (aging takes a numeric "bits"), recording what was chosen. */
final class FakeVm implements VmControl {
    final Map<String, Map<String, String>> providers = new TreeMap<>();
    final List<String> uses = new ArrayList<>();
    String active = BUILTIN;

    FakeVm() {
        providers.put("clock", Map.of());
        providers.put("lru", Map.of());
        providers.put("aging", Map.of("bits", "8"));
    }

    @Override
    public List<Policy> policies() {
        List<Policy> out = new ArrayList<>();
        out.add(new Policy(BUILTIN, "fallback", Map.of(), active.equals(BUILTIN)));
        providers.forEach((n, d) -> out.add(new Policy(n, n, d, active.equals(n))));
        return out;
    }

    @Override public String active() { return active; }
    @Override public String waitingFor() { return null; }
    @Override public List<Ejection> ejections() { return List.of(); }
    @Override public Map<String, Long> statistics() { return Map.of(); }

    @Override
    public boolean use(String name, Map<String, String> options) {
        Map<String, String> defaults = BUILTIN.equals(name) ? Map.of() : providers.get(name);
        if (defaults == null) {
            uses.add(name + options);
            return false;
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException("unknown option '" + e.getKey() + "'");
            }
            if (!e.getValue().matches("[0-9]+")) {
                throw new IllegalArgumentException("option '" + e.getKey() + "' must be a number");
            }
        }
        uses.add(name + options);
        active = name;
        return true;
    }
}
