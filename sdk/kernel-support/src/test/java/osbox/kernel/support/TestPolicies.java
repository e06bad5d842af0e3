package osbox.kernel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import osbox.api.policy.PolicyProvider;
import osbox.policy.support.options.Options;

/** A toy policy kind for the slot's tests: a policy is its name and its options; its provider validates them. */
final class TestPolicies {
    private TestPolicies() {
    }

    /** One instance a provider made (or the fallback). */
    record Policy(String name, Map<String, String> options) {
    }

    /** Makes Policies named {@code name}; its one option, {@code level}, must be an integer of at least 1. */
    static class Provider implements PolicyProvider<Policy> {
        private final String name;
        /** Every instance made, in order. */
        final List<Policy> made = new ArrayList<>();

        Provider(String name) {
            this.name = name;
        }

        @Override
        public String describe() {
            return name + " (test)";
        }

        @Override
        public Map<String, String> defaults() {
            return Map.of("level", "1");
        }

        @Override
        public Policy create(Map<String, String> options) {
            Options.of(defaults(), options).longAtLeast("level", 1);
            Policy p = new Policy(name, Map.copyOf(options));
            made.add(p);
            return p;
        }
    }

    /** A "simulation thread" that runs each task at once, on the caller's thread. */
    static final SlotControl.SimulationThread DIRECT = new SlotControl.SimulationThread() {
        @Override
        public <T> T call(java.util.concurrent.Callable<T> task) throws Exception {
            return task.call();
        }
    };

    /** The built-in fallback of every test slot. */
    static final Policy BUILTIN = new Policy("builtin", Map.of());

    /** Every hand-over a slot made, as "from->to" by policy name. */
    static final class Handovers implements PolicySlot.Handover<Policy> {
        final List<String> log = new ArrayList<>();

        @Override
        public void handOver(Policy from, Policy to) {
            log.add(from.name() + "->" + to.name());
        }
    }
}
