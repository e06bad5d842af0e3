package osbox.kernel.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiPredicate;
import osbox.api.policy.PolicyControl;
import osbox.api.policy.PolicyProvider;

/**
 * The {@link PolicyControl} of one {@link PolicySlot}, written once for every
 * kind: each call runs on the simulation thread (through the machine's safe
 * point) and reads or changes the slot there. A mechanism registers one per
 * slot, with the service property {@value PolicyControl#KIND}; kernel-core
 * and the VM manager each make a DS component of a subclass (so the methods
 * here are final) or use it as is (the harness, tests).
 *
 * @param <P> the policy interface
 * @param <F> the provider interface
 */
public class SlotControl<P, F extends PolicyProvider<? extends P>> implements PolicyControl {

    /** Runs a task on the simulation thread and answers its result: {@code machine::call}. */
    public interface SimulationThread {
        <T> T call(Callable<T> task) throws Exception;
    }

    private final String kind;
    private final String builtinDescription;
    private final PolicySlot<P, F> slot;
    private final BiPredicate<String, Map<String, String>> select;
    private final SimulationThread sim;

    /**
     * @param kind               the slot's kind ({@code sched}, {@code vm.replace})
     * @param builtinDescription how {@link #policies} describes the built-in fallback
     * @param slot               the mechanism's slot; read only on the simulation thread
     * @param select             the mechanism's way to select (the slot's, plus what the
     *                           mechanism does after a change: the dispatcher starts idle harts)
     * @param sim                the simulation thread
     */
    public SlotControl(String kind, String builtinDescription, PolicySlot<P, F> slot,
            BiPredicate<String, Map<String, String>> select, SimulationThread sim) {
        this.kind = kind;
        this.builtinDescription = builtinDescription;
        this.slot = slot;
        this.select = select;
        this.sim = sim;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final List<Policy> policies() {
        return onSimulationThread(() -> {
            List<Policy> out = new ArrayList<>();
            out.add(new Policy(BUILTIN, builtinDescription, Map.of(), slot.isFallback()));
            for (String name : slot.available()) {
                F provider = slot.provider(name);
                out.add(new Policy(name, provider.describe(), new TreeMap<>(provider.defaults()),
                        !slot.isFallback() && name.equals(slot.activeName())));
            }
            return List.copyOf(out);
        });
    }

    @Override
    public final String active() {
        return onSimulationThread(slot::activeName);
    }

    @Override
    public final Map<String, String> activeOptions() {
        return onSimulationThread(slot::activeOptions);
    }

    @Override
    public final String waitingFor() {
        return onSimulationThread(slot::waitingFor);
    }

    @Override
    public final boolean use(String name, Map<String, String> options) {
        Map<String, String> copy = options == null ? Map.of() : new LinkedHashMap<>(options);
        return onSimulationThread(() -> select.test(name, copy));
    }

    @Override
    public final List<Ejection> ejections() {
        return onSimulationThread(() -> slot.ejections().stream()
                .map(e -> new Ejection(e.at(), e.policy(), e.reason())).toList());
    }

    @Override
    public final long swaps() {
        return onSimulationThread(slot::swaps);
    }

    // Runs c on the simulation thread; its RuntimeExceptions (IllegalArgumentException...) pass through.
    private <T> T onSimulationThread(Callable<T> c) {
        try {
            return sim.call(c);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
