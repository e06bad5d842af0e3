package osbox.block.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.io.IoSchedulingPolicy;
import osbox.api.io.IoSchedulingPolicyProvider;
import osbox.api.policy.PolicyControl;
import osbox.kernel.support.PolicySlot;
import osbox.kernel.support.SlotControl;

/**
 * The I/O-scheduler slot (kind {@value IoSchedulingPolicyProvider#KIND}):
 * one choice of policy for the whole block layer, one instance of it per
 * device. Selection, providers coming and going, ejection and the built-in
 * FIFO fallback are the generic {@link PolicySlot}'s; what is particular
 * here is the hand-over: every device's queue detaches its policy and
 * attaches a fresh instance seeded with its queued requests in arrival
 * order ({@link RequestQueue#install}). A policy that misbehaves on any
 * device is ejected on all of them. Simulation thread only.
 */
public final class IoSchedulerSlot {
    private static final Logger LOG = LoggerFactory.getLogger(IoSchedulerSlot.class);
    /** How {@code io:list} describes the fallback. */
    public static final String BUILTIN_DESCRIPTION = "the block layer's FIFO (fallback)";

    private final PolicySlot<IoSchedulingPolicy, IoSchedulingPolicyProvider> slot;
    private final LongSupplier clock;
    private final List<RequestQueue> queues = new ArrayList<>();

    /** A slot with the built-in FIFO active; {@code clock} dates the ejections. */
    public IoSchedulerSlot(LongSupplier clock) {
        this.clock = clock;
        this.slot = new PolicySlot<>("I/O scheduling", new BuiltinFifo(), this::handOver);
    }

    /** The generic slot (selection, providers, ejections, swaps). */
    public PolicySlot<IoSchedulingPolicy, IoSchedulingPolicyProvider> slot() {
        return slot;
    }

    /** The slot's {@link PolicyControl}, calling in through {@code sim} (the machine's simulation thread). */
    public PolicyControl control(SlotControl.SimulationThread sim) {
        return new SlotControl<>(IoSchedulingPolicyProvider.KIND, BUILTIN_DESCRIPTION, slot, this::select, sim);
    }

    /** Chooses the policy for every device (see {@link PolicySlot#select}); true when it is active now. */
    public boolean select(String name, Map<String, String> options) {
        return slot.select(name, options);
    }

    /** A provider arrived under {@code name}; it attaches if it is the one selected. */
    public void addProvider(String name, IoSchedulingPolicyProvider provider) {
        slot.addProvider(name, provider);
    }

    /** A provider left; if its policy was active the built-in FIFO takes over on every device. */
    public void removeProvider(String name, IoSchedulingPolicyProvider provider) {
        slot.removeProvider(name, provider);
    }

    /** The active policy's name ({@value PolicyControl#BUILTIN} for the FIFO). */
    public String activeName() {
        return slot.activeName();
    }

    /** Whether the built-in FIFO is active. */
    boolean isFallback() {
        return slot.isFallback();
    }

    /** A device's queue joins: it gets an instance of the active policy (seeded with what it holds). */
    void join(RequestQueue queue) {
        queues.add(queue);
        IoSchedulingPolicy p = instance();
        if (p == null) {
            eject(queue.name() + ": the policy could not be made for it");
            return;
        }
        queue.install(p);
    }

    /** A device's queue leaves (its disk went away). */
    void leave(RequestQueue queue) {
        queues.remove(queue);
    }

    /** Runs a call into a policy that answers; a throw ejects the policy and {@code otherwise} is answered. */
    <T> T ask(String what, Supplier<T> call, T otherwise) {
        return slot.guard(what, call, otherwise, this::eject);
    }

    /** Runs a call into a policy that answers nothing; a throw ejects it. */
    void tell(String what, Runnable call) {
        slot.guard(what, call, this::eject);
    }

    /**
     * Ejects the active policy for {@code reason} (logged, counted in the
     * slot's ejections): the built-in FIFO takes over on every device. The
     * FIFO itself is never ejected; a failure of it is logged as an error.
     */
    void eject(String reason) {
        if (slot.isFallback()) {
            LOG.error("the built-in I/O scheduler failed: {}", reason);
            return;
        }
        slot.eject(clock.getAsLong(), reason);
    }

    // A new instance of the active policy for one more device; null when its provider throws.
    private IoSchedulingPolicy instance() {
        if (slot.isFallback()) {
            return new BuiltinFifo();
        }
        IoSchedulingPolicyProvider provider = slot.provider(slot.activeName());
        try {
            return provider.create(slot.activeOptions());
        } catch (RuntimeException e) {
            return null;
        }
    }

    // The slot changed its policy: the first device takes 'to' itself, each other one a fresh instance.
    private void handOver(IoSchedulingPolicy from, IoSchedulingPolicy to) {
        List<IoSchedulingPolicy> fresh = new ArrayList<>(queues.size());
        for (int i = 0; i < queues.size(); i++) {
            IoSchedulingPolicy p = i == 0 ? to : slot.isFallback() ? new BuiltinFifo() : instance();
            if (p == null) {
                eject("the policy could not be made for " + queues.get(i).name());
                return;
            }
            fresh.add(p);
        }
        for (int i = 0; i < queues.size(); i++) {
            queues.get(i).install(fresh.get(i));
            if (slot.active() != to) {
                return; // an attach threw: the FIFO was installed everywhere by the ejection
            }
        }
    }
}
