package osbox.vm.manager.core;

import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import osbox.api.hw.Pte;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;

/**
 * What the paging mechanism offers replacement policies: simulated time,
 * seeded randomness, and the A and D bits of resident pages read (and A
 * cleared) through their owners' PTEs. A page the registry does not hold
 * reads as neither referenced nor dirty. Simulation thread only.
 */
final class PolicyContext implements ReplacementContext {
    private final ResidentPages resident;
    private final LongSupplier clock;
    private final SplittableRandom random;

    /** A context over the {@code resident} pages, at {@code clock}'s time, drawing from {@code seed}. */
    PolicyContext(ResidentPages resident, LongSupplier clock, long seed) {
        this.resident = resident;
        this.clock = clock;
        this.random = new SplittableRandom(seed ^ 0x5A5A_0F0FL);
    }

    /** Simulated time in cycles. */
    @Override
    public long now() {
        return clock.getAsLong();
    }

    /** A seeded number in [0, bound); 0 for a bound of 0 or less. */
    @Override
    public long random(long bound) {
        return bound <= 0 ? 0 : random.nextLong(bound);
    }

    /** Whether the page's A bit is set in its owner's PTE. */
    @Override
    public boolean referenced(PageView page) {
        return hasBit(page, Pte.A);
    }

    /** Clears the page's A bit and drops it from the TLBs, so its next use sets A again. */
    @Override
    public void clearReferenced(PageView page) {
        PageRecord r = record(page);
        if (r != null) {
            r.space.clearAccessed(r.va);
        }
    }

    /** Whether the page's D bit is set in its owner's PTE. */
    @Override
    public boolean dirty(PageView page) {
        return hasBit(page, Pte.D);
    }

    /** No future is known to the mechanism: -1 (an oracle policy keeps its own trace). */
    @Override
    public long nextAccess(PageView page) {
        return -1;
    }

    // Whether the owner's PTE of a registered page has bit set (false for a page not registered).
    private boolean hasBit(PageView page, long bit) {
        PageRecord r = record(page);
        return r != null && (r.space.pte(r.va) & bit) != 0;
    }

    // The registered record behind a policy's view of a page, or null.
    private PageRecord record(PageView page) {
        return page == null ? null : resident.get(page.id());
    }
}
