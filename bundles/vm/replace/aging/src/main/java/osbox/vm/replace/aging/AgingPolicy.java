package osbox.vm.replace.aging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * Approximate LRU by aging (Tanenbaum, Modern Operating Systems, "The Aging
 * Algorithm"). Every resident page has an n-bit counter, 0 when it is loaded.
 * Every {@link #tickPeriod()} cycles, {@link #tick} visits the pages in load
 * order: the counter shifts right by one, the page's reference bit goes into
 * the top bit, and the reference bit is cleared through
 * {@link ReplacementContext#clearReferenced}. The victim is the page with the
 * smallest counter; ties go to the oldest loaded (smallest
 * {@link PageView#loadedAt()}, then the one loaded first).
 *
 * <p>Accesses between ticks. A page the policy knows was accessed since the
 * last tick ({@link #loaded}, since a load is an access; {@link #accessed};
 * at {@link #attach}, its reference bit set) counts as if its top bit were
 * already set: the victim is chosen by (accessed since the last tick,
 * counter, load order), so such a page goes only when every resident page
 * was accessed since the last tick too. This orders pages as their counters
 * would right after a tick, except that the bit the tick would shift out
 * still breaks ties. The flag feeds the next tick like a reference bit (the
 * tick ORs the two, so one access is never counted twice) and is then
 * cleared. On the machine accessed() reports only the kernel's own accesses
 * (this policy asks for no sampling): the hardware's reference bits carry
 * everything else, and clearing one drops the page's TLB entries, so the
 * first access after a tick sets it again. The victim search itself reads no
 * reference bits.
 */
public final class AgingPolicy implements ReplacementPolicy {
    /** A page's aging state. */
    private static final class Entry {
        PageView page;
        long counter;
        boolean recent;

        Entry(PageView page, boolean recent) {
            this.page = page;
            this.recent = recent;
        }
    }

    private final int bits;
    private final long top;
    private final long period;
    /** By page id, in load order; iterated only in that order. */
    private final LinkedHashMap<Long, Entry> pages = new LinkedHashMap<>();
    private ReplacementContext context;

    /**
     * An aging policy with counters of {@code bits} bits (1 to 64), ticking every {@code period} cycles (at least 1).
     */
    public AgingPolicy(int bits, long period) {
        if (bits < 1 || bits > 64) {
            throw new IllegalArgumentException("bits must be between 1 and 64, got " + bits);
        }
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, got " + period);
        }
        this.bits = bits;
        this.top = 1L << (bits - 1);
        this.period = period;
    }

    /**
     * Takes every resident page, oldest first, with a zero counter; a page whose reference bit is set counts as
     * accessed since the last tick (as if the policy had seen it loaded or accessed).
     */
    @Override
    public void attach(ReplacementContext context, List<PageView> resident) {
        this.context = context;
        for (PageView p : resident) {
            add(p, context.referenced(p));
        }
    }

    /** Forgets everything. */
    @Override
    public void detach() {
        pages.clear();
        context = null;
    }

    /** A zero counter; the load was an access, so it counts as accessed since the last tick. */
    @Override
    public void loaded(PageView page) {
        add(page, true);
    }

    /** Marks the page accessed since the last tick (its top bit, in effect, at once). */
    @Override
    public void accessed(PageView page) {
        Entry e = pages.get(page.id());
        if (e != null) {
            e.recent = true;
        }
    }

    /** Forgets the page. */
    @Override
    public void removed(PageView page) {
        pages.remove(page.id());
    }

    /** The page with the smallest (accessed since the last tick, counter), oldest loaded on ties; null if none. */
    @Override
    public PageView victim() {
        Entry best = null;
        for (Entry e : pages.values()) {
            if (best == null || before(e, best)) {
                best = e;
            }
        }
        if (best == null) {
            return null;
        }
        pages.remove(best.page.id());
        return best.page;
    }

    /** The period option. */
    @Override
    public long tickPeriod() {
        return period;
    }

    /** Shifts every counter right, the reference bit (or a known access) into the top bit; clears the bits. */
    @Override
    public void tick() {
        for (Entry e : pages.values()) {
            boolean ref = context.referenced(e.page);
            e.counter = (e.counter >>> 1) | (ref || e.recent ? top : 0);
            e.recent = false;
            if (ref) {
                context.clearReferenced(e.page);
            }
        }
    }

    /** Counter width in bits. */
    public int bits() {
        return bits;
    }

    /** The page's counter as of the last tick, or -1 if it is not resident here. */
    public long counter(PageView page) {
        Entry e = pages.get(page.id());
        return e == null ? -1 : e.counter;
    }

    /** Whether the policy knows of an access to the page since the last tick. */
    public boolean accessedSinceTick(PageView page) {
        Entry e = pages.get(page.id());
        return e != null && e.recent;
    }

    private void add(PageView page, boolean recent) {
        pages.remove(page.id());
        pages.put(page.id(), new Entry(page, recent));
    }

    /** Whether a should be evicted before b (b was met earlier in load order, so equal keys keep b). */
    private static boolean before(Entry a, Entry b) {
        if (a.recent != b.recent) {
            return !a.recent;
        }
        int c = Long.compareUnsigned(a.counter, b.counter);
        if (c != 0) {
            return c < 0;
        }
        return a.page.loadedAt() < b.page.loadedAt();
    }
}
