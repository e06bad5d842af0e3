package osbox.vm.manager.core;

import java.util.function.LongSupplier;
import osbox.api.hw.Pte;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * Access sampling for a policy that asks for it
 * ({@link ReplacementPolicy#accessSamplePeriod()} finite): at that period
 * every resident page's PTE A bit is scanned (load order), {@code accessed}
 * is reported for each referenced page, and the bit is cleared and the page
 * dropped from the TLBs, so its next use refills and sets it again. The
 * scan runs from a machine event while a hart runs a process (see
 * {@link VirtualMemory.Host}; with every hart idle the event is dropped, and
 * the next trap schedules it again), and lazily at allocations. Simulation
 * thread only.
 */
final class AccessSampling {
    private final ReplacementSlot slot;
    private final ResidentPages resident;
    private final LongSupplier clock;
    private VirtualMemory.Host host;
    private long period = Long.MAX_VALUE;
    private long next = Long.MAX_VALUE;
    /** The pending sampling event's id, 0 when none is pending. */
    private long event;
    private long samples;
    private long referenced;

    /** Sampling of the {@code resident} pages for the policy active in {@code slot}. */
    AccessSampling(ReplacementSlot slot, ResidentPages resident, LongSupplier clock) {
        this.slot = slot;
        this.resident = resident;
        this.clock = clock;
    }

    /** Connects the machine: from now on sampling also runs from timed events while a process runs. */
    void useHost(VirtualMemory.Host host) {
        this.host = host;
        ensureEvent();
    }

    /** A policy attached asking for {@code askedPeriod} (0 or less, or Long.MAX_VALUE: no sampling). */
    void usePeriod(long askedPeriod) {
        period = askedPeriod <= 0 ? Long.MAX_VALUE : askedPeriod;
        next = period == Long.MAX_VALUE ? Long.MAX_VALUE : clock.getAsLong() + period;
    }

    /** Drops the pending event (made for the previous policy) and schedules one for the period now in force. */
    void rearm() {
        if (host != null && event != 0) {
            host.cancel(event);
            event = 0;
        }
        ensureEvent();
    }

    /**
     * A trap was taken: sampling goes on while a process runs; with every
     * hart idle the pending event is cancelled, so that it does not move an
     * idle machine's clock, and it is scheduled again at the next trap.
     */
    void trapped() {
        if (host != null) {
            if (host.running()) {
                ensureEvent();
            } else if (event != 0) {
                host.cancel(event);
                event = 0;
            }
        }
    }

    /** Samples when the period has elapsed (lazily, at an allocation). */
    void sampleIfDue() {
        if (clock.getAsLong() >= next) {
            sample();
        }
    }

    /**
     * Samples the reference bits now (see the class comment): every resident
     * page, oldest loaded first; each referenced one is reported accessed,
     * its A bit cleared and its TLB entries dropped. The next sampling is a
     * period from now. Stops when the policy is ejected meanwhile.
     */
    void sample() {
        long now = clock.getAsLong();
        next = period == Long.MAX_VALUE ? Long.MAX_VALUE : now + period;
        samples++;
        ReplacementPolicy p = slot.active();
        for (PageRecord r : resident.inLoadOrder()) {
            if (slot.active() != p) {
                return; // ejected meanwhile: the fallback samples nothing
            }
            if (resident.get(r.ppn) != r || (r.space.pte(r.va) & Pte.A) == 0) {
                continue;
            }
            r.lastAccess = now;
            r.accesses++;
            r.space.clearAccessed(r.va);
            referenced++;
            slot.tell("accessed", () -> p.accessed(r));
        }
    }

    /** Samplings done. */
    long samples() {
        return samples;
    }

    /** Pages found referenced by the samplings. */
    long referenced() {
        return referenced;
    }

    /** The sampling period in cycles, or Long.MAX_VALUE when the policy asks for none. */
    long period() {
        return period;
    }

    // Keeps one sampling event pending while the policy wants sampling and a process runs.
    private void ensureEvent() {
        if (host == null || event != 0 || period == Long.MAX_VALUE || !host.running()) {
            return;
        }
        event = host.schedule(Math.max(next, clock.getAsLong()), this::fire);
    }

    // The sampling event: samples and goes on while a process runs; an idle machine waits for a trap.
    private void fire() {
        event = 0;
        if (period == Long.MAX_VALUE || !host.running()) {
            return;
        }
        if (clock.getAsLong() >= next) {
            sample();
        }
        ensureEvent();
    }
}
