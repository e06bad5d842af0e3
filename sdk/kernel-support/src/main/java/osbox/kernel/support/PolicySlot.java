package osbox.kernel.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.policy.PolicyControl;
import osbox.api.policy.PolicyProvider;

/**
 * A place where one policy of a kind is active: the generic machinery of
 * selection, seeding on attach, swap, ejection and fallback, shared by every
 * policy SPI (scheduling now; replacement, I/O scheduling and DSM later).
 *
 * <p>Providers come and go (whiteboard). The user asks for one by name
 * with options ({@link #select}); the slot makes an instance and attaches it
 * at once if that provider is here, else keeps the wish and runs the
 * built-in fallback until the provider arrives. When the active provider
 * leaves, or the mechanism ejects the policy (it threw, broke a rule, or
 * starved a task), the fallback takes over; an ejected policy is not
 * re-selected until the user selects it again. Every change of the active
 * policy (selection, arrival, departure, ejection) goes through the
 * mechanism's {@link Handover}. Simulation thread only.
 * {@link SlotControl} makes it a {@link PolicyControl} service.
 *
 * @param <P> the policy interface
 * @param <F> the provider interface
 */
public final class PolicySlot<P, F extends PolicyProvider<? extends P>> {
    private static final Logger LOG = LoggerFactory.getLogger(PolicySlot.class);

    /** What the mechanism does when the active policy changes: detach the old, seed the new. */
    public interface Handover<P> {
        void handOver(P from, P to);
    }

    /** One ejection, for reports. */
    public record Ejection(long at, String policy, String reason) {
    }

    private final String noun;
    private final P fallback;
    private final Handover<P> handover;
    private final TreeMap<String, F> providers = new TreeMap<>();
    private final List<Ejection> ejections = new ArrayList<>();
    private String wanted;
    private Map<String, String> wantedOptions = Map.of();
    private String activeName;
    private P active;
    private long swaps;

    /**
     * @param noun     what the policies are, for messages: "scheduling", "page replacement"
     * @param fallback the built-in policy (never ejected: it is trusted kernel code)
     * @param handover moves the mechanism's state from one policy to the next
     */
    public PolicySlot(String noun, P fallback, Handover<P> handover) {
        this.noun = noun;
        this.fallback = fallback;
        this.handover = handover;
        this.active = fallback;
    }

    /** What the policies are, for messages ("scheduling"). */
    public String noun() {
        return noun;
    }

    /** The policy to call now. */
    public P active() {
        return active;
    }

    /** The active policy's name ({@value PolicyControl#BUILTIN} for the fallback). */
    public String activeName() {
        return activeName == null ? PolicyControl.BUILTIN : activeName;
    }

    /** Whether the built-in policy is the active one. */
    public boolean isFallback() {
        return active == fallback;
    }

    /** A provider arrived; attaches it if it is the one wanted. */
    public void addProvider(String name, F provider) {
        providers.put(name, provider);
        if (name.equals(wanted) && (activeName == null || !activeName.equals(name))) {
            attach(name, provider, wantedOptions);
        }
    }

    /** A provider left; if its policy is active, the fallback takes over (the wish stays). */
    public void removeProvider(String name, F provider) {
        if (providers.get(name) != provider) {
            return;
        }
        providers.remove(name);
        if (name.equals(activeName)) {
            LOG.info("{} policy {} went away; the built-in policy takes over until it returns", noun, name);
            switchTo(null, fallback);
        }
    }

    /**
     * Chooses the policy by name with options. Throws IllegalArgumentException
     * (nothing changes) for bad options of a present provider, or any option
     * for the built-in policy. Returns true if it is active now, false if it
     * waits for its provider.
     */
    public boolean select(String name, Map<String, String> options) {
        if (PolicyControl.BUILTIN.equals(name)) {
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("the built-in policy takes no options (got "
                        + String.join(", ", options.keySet()) + ")");
            }
            wanted = null;
            wantedOptions = Map.of();
            switchTo(null, fallback);
            return true;
        }
        F provider = providers.get(name);
        if (provider != null) {
            P p = provider.create(options);
            wanted = name;
            wantedOptions = Map.copyOf(options);
            switchTo(name, p);
            return true;
        }
        wanted = name;
        wantedOptions = Map.copyOf(options);
        return false;
    }

    private void attach(String name, F provider, Map<String, String> options) {
        try {
            switchTo(name, provider.create(options));
        } catch (RuntimeException e) {
            LOG.error("{} policy {} cannot be made with options {}: {}", noun, name, options, e.getMessage());
        }
    }

    // Hands the mechanism over and makes 'to' active.
    private void switchTo(String name, P to) {
        P from = active;
        active = to;
        activeName = name;
        swaps++;
        handover.handOver(from, to);
    }

    /**
     * Ejects the active policy for {@code reason} (at simulated time now): the
     * fallback takes over and the wish is dropped. No-op for the fallback.
     */
    public void eject(long now, String reason) {
        if (active == fallback) {
            return;
        }
        String name = activeName();
        LOG.warn("{} policy {} ejected at cycle {}: {}; the built-in policy takes over", noun, name, now, reason);
        ejections.add(new Ejection(now, name, reason));
        wanted = null;
        switchTo(null, fallback);
    }

    /** Provider names available, sorted. */
    public List<String> available() {
        return new ArrayList<>(providers.keySet());
    }

    /** The provider of that name, or null. */
    public F provider(String name) {
        return providers.get(name);
    }

    /**
     * Runs a call into the active policy, distrusting it: when the call
     * throws (or overflows its stack) and that policy is still the active
     * one, {@code onFailure} gets "WHAT threw E" (the mechanism ejects it
     * there) and {@code otherwise} is answered.
     */
    public <T> T guard(String what, Supplier<T> call, T otherwise, Consumer<String> onFailure) {
        P p = active;
        try {
            return call.get();
        } catch (RuntimeException | StackOverflowError e) {
            if (active == p) {
                onFailure.accept(what + " threw " + e);
            }
            return otherwise;
        }
    }

    /** {@link #guard} for a call that answers nothing. */
    public void guard(String what, Runnable call, Consumer<String> onFailure) {
        guard(what, () -> {
            call.run();
            return null;
        }, null, onFailure);
    }

    /** The options the active policy was made with, sorted by key; empty for the fallback. */
    public Map<String, String> activeOptions() {
        return activeName != null && activeName.equals(wanted) ? new TreeMap<>(wantedOptions) : Map.of();
    }

    /** The name asked for but not (yet) active, or null. */
    public String waitingFor() {
        return wanted != null && !wanted.equals(activeName) ? wanted : null;
    }

    /** The ejections since the slot was made, oldest first. */
    public List<Ejection> ejections() {
        return List.copyOf(ejections);
    }

    /** Times the active policy changed. */
    public long swaps() {
        return swaps;
    }
}
