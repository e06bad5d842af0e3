package osbox.vm.replace.lfu;

import osbox.policy.support.AccessSampling;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import osbox.api.vm.replace.PageView;
import osbox.api.vm.replace.ReplacementContext;
import osbox.api.vm.replace.ReplacementPolicy;

/**
 * Least frequently used: the victim is the resident page with the fewest
 * accesses; ties go to the oldest loaded (smallest {@link PageView#loadedAt()},
 * then the smallest id).
 *
 * <p>The count is the policy's own: it starts at {@link PageView#accesses()}
 * when the page is seeded by {@link #attach} or {@link #loaded} (what the
 * mechanism already knows) and grows by one on every {@link #accessed} call.
 * It is kept rather than read from the page on each decision because the
 * pages sit in a TreeSet ordered by (count, loadedAt, id), whose keys must not
 * change while inside; each access re-files the page, so {@link #accessed},
 * {@link #loaded}, {@link #removed} and {@link #victim} are O(log n). On a
 * real machine accessed() comes from the mechanism sampling the reference
 * bits every {@link #accessSamplePeriod()} cycles, so the count is the number
 * of periods in which the page was used (plus the kernel's own accesses);
 * LFU reads no reference bits itself. Counts never decay: a page used
 * heavily long ago stays resident (the classic weakness of LFU).
 */
public final class LfuPolicy implements ReplacementPolicy {
    /** The default sampling period: 100 microseconds at 1 GHz. */
    public static final long DEFAULT_SAMPLE = AccessSampling.DEFAULT_PERIOD;
    private final long samplePeriod;

    /** With the default sampling period. */
    public LfuPolicy() {
        this(DEFAULT_SAMPLE);
    }

    /** With the reference bits sampled every samplePeriod cycles on the machine (Long.MAX_VALUE: never). */
    public LfuPolicy(long samplePeriod) {
        this.samplePeriod = AccessSampling.checked(samplePeriod);
    }

    /** The sampling period it was made with. */
    @Override
    public long accessSamplePeriod() {
        return samplePeriod;
    }

    /** A page and its count; fields that order it change only while it is out of the set. */
    private static final class Entry {
        final PageView page;
        final long id;
        final long loadedAt;
        long count;

        Entry(PageView page) {
            this.page = page;
            this.id = page.id();
            this.loadedAt = page.loadedAt();
            this.count = Math.max(0, page.accesses());
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.<Entry>comparingLong(e -> e.count)
            .thenComparingLong(e -> e.loadedAt)
            .thenComparingLong(e -> e.id);

    private final TreeSet<Entry> byCount = new TreeSet<>(ORDER);
    /** Looked up by id, never iterated. */
    private final Map<Long, Entry> byId = new HashMap<>();

    /** Seeds every resident page with its known access count. */
    @Override
    public void attach(ReplacementContext context, List<PageView> resident) {
        for (PageView p : resident) {
            loaded(p);
        }
    }

    /** Forgets everything. */
    @Override
    public void detach() {
        byCount.clear();
        byId.clear();
    }

    /** Files the page with its known access count. */
    @Override
    public void loaded(PageView page) {
        removed(page);
        Entry e = new Entry(page);
        byId.put(e.id, e);
        byCount.add(e);
    }

    /** One more access: re-files the page. */
    @Override
    public void accessed(PageView page) {
        Entry e = byId.get(page.id());
        if (e == null) {
            return;
        }
        byCount.remove(e);
        if (e.count < Long.MAX_VALUE) {
            e.count++;
        }
        byCount.add(e);
    }

    /** Forgets the page. */
    @Override
    public void removed(PageView page) {
        Entry e = byId.remove(page.id());
        if (e != null) {
            byCount.remove(e);
        }
    }

    /** The least frequently used page, oldest loaded on ties; null if none. */
    @Override
    public PageView victim() {
        Entry e = byCount.pollFirst();
        if (e == null) {
            return null;
        }
        byId.remove(e.id);
        return e.page;
    }

    /** The policy's access count for the page, or -1 if it is not resident here. */
    public long count(PageView page) {
        Entry e = byId.get(page.id());
        return e == null ? -1 : e.count;
    }
}
