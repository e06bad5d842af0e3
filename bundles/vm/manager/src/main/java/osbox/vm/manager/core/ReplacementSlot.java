package osbox.vm.manager.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementPolicy;
import osbox.api.vm.replace.ReplacementPolicyProvider;
import osbox.kernel.support.PolicySlot;

/**
 * The page-replacement policy slot and its guards. Every call into the
 * active {@link ReplacementPolicy} goes through here: one that throws is
 * ejected ({@link #ask}, {@link #tell}), and so is one whose victim is not
 * a registered resident page ({@link #victim}); the built-in FIFO then
 * takes over, seeded with every resident page. The other parts eject a
 * policy through {@link #eject} (the victim budget, the no-progress
 * watchdog). The policy's periodic tick runs here too, lazily. Simulation
 * thread only.
 */
final class ReplacementSlot {
    // the paging mechanism's logger, as before the slot was a class of its own
    private static final Logger LOG = LoggerFactory.getLogger(VirtualMemory.class);

    /** Told after a policy attached and was seeded (its tick period set): the rest of the mechanism follows it. */
    @FunctionalInterface
    interface Attached {
        void attached(ReplacementPolicy policy);
    }

    private final PolicySlot<ReplacementPolicy, ReplacementPolicyProvider> slot;
    private final ResidentPages resident;
    private final LongSupplier clock;
    private final PagingTrace trace;
    private final PolicyContext context;
    private final Attached attached;
    private long nextTick = Long.MAX_VALUE;

    /**
     * A slot over the {@code resident} pages, with the built-in FIFO active;
     * policies draw from {@code seed}; {@code attached} hears of every new
     * active policy.
     */
    ReplacementSlot(ResidentPages resident, LongSupplier clock, PagingTrace trace, long seed, Attached attached) {
        this.resident = resident;
        this.clock = clock;
        this.trace = trace;
        this.attached = attached;
        this.context = new PolicyContext(resident, clock, seed);
        this.slot = new PolicySlot<>("page replacement", new BuiltinFifo(), this::handOver);
    }

    /** The generic slot: selection, providers, ejections. */
    PolicySlot<ReplacementPolicy, ReplacementPolicyProvider> slot() {
        return slot;
    }

    /** The policy to call now. */
    ReplacementPolicy active() {
        return slot.active();
    }

    /** Whether the built-in FIFO is the active policy. */
    boolean isFallback() {
        return slot.isFallback();
    }

    /** Chooses the replacement policy by name with options (see {@link PolicySlot#select}). */
    boolean select(String name, Map<String, String> options) {
        return slot.select(name, options);
    }

    /** A provider arrived under {@code name} (it attaches if it is the one selected). */
    void addProvider(String name, ReplacementPolicyProvider provider) {
        slot.addProvider(name, provider);
    }

    /** A provider left; if its policy was active the built-in FIFO takes over. */
    void removeProvider(String name, ReplacementPolicyProvider provider) {
        slot.removeProvider(name, provider);
    }

    /** Runs a policy call that answers; on a throw, ejects the policy and answers {@code otherwise}. */
    <T> T ask(String what, Supplier<T> call, T otherwise) {
        return slot.guard(what, call, otherwise, this::eject);
    }

    /** Runs a policy call that answers nothing; on a throw, ejects the policy. */
    void tell(String what, Runnable call) {
        slot.guard(what, call, this::eject);
    }

    /**
     * Ejects the active policy for {@code reason} (traced as a NOTE, kept
     * in the slot's ejections): the built-in FIFO takes over. The built-in
     * one is never ejected; its failure is logged.
     */
    void eject(String reason) {
        if (slot.isFallback()) {
            LOG.error("the built-in page replacement policy failed: {}", reason);
            return;
        }
        trace.note(0, "page replacement policy " + slot.activeName() + " ejected: " + reason);
        slot.eject(clock.getAsLong(), reason);
    }

    /**
     * The policy's victim, checked: a registered resident page. An invalid
     * answer ejects the policy and the fallback answers; null only when
     * nothing is resident.
     */
    PageRecord victim() {
        for (int attempt = 0; attempt < 2; attempt++) {
            ReplacementPolicy p = slot.active();
            PageView v = ask("victim()", p::victim, null);
            if (slot.active() != p) {
                continue; // it threw and was ejected: ask the fallback
            }
            PageRecord r = v == null ? null : resident.get(v.id());
            if (r != null) {
                return r;
            }
            if (slot.isFallback()) {
                // the built-in FIFO lost track (cannot happen): take the oldest page
                return resident.oldest();
            }
            eject(v == null ? "victim() named no page while " + resident.size() + " are resident"
                    : "victim() named " + v.id() + ", which is not a resident page");
        }
        return resident.oldest();
    }

    /** Periodic policy work (aging): runs at the first call after its period elapsed (the allocations). */
    void tickIfDue() {
        long now = clock.getAsLong();
        if (now < nextTick) {
            return;
        }
        ReplacementPolicy p = slot.active();
        tell("tick", p::tick);
        if (slot.active() == p) {
            long period = ask("tickPeriod", p::tickPeriod, Long.MAX_VALUE);
            nextTick = period <= 0 || period == Long.MAX_VALUE ? Long.MAX_VALUE : now + period;
        }
    }

    // Detaches the old policy and seeds the new one with every resident page, oldest first.
    private void handOver(ReplacementPolicy from, ReplacementPolicy to) {
        try {
            from.detach();
        } catch (RuntimeException e) {
            // no longer called either way
        }
        trace.note(slot.swaps(), "page replacement policy " + slot.activeName());
        List<PageView> seeds = new ArrayList<>(resident.inLoadOrder());
        try {
            to.attach(context, seeds);
        } catch (RuntimeException e) {
            eject("attach threw " + e);
            return;
        }
        long period = ask("tickPeriod", to::tickPeriod, Long.MAX_VALUE);
        nextTick = period <= 0 || period == Long.MAX_VALUE ? Long.MAX_VALUE : clock.getAsLong() + period;
        attached.attached(to);
    }
}
