package osbox.sched.cfs;

import java.util.Comparator;
import java.util.TreeSet;
import osbox.policy.support.RunQueue;

/**
 * A hart's CFS run queue: a red-black tree (TreeSet) ordered by (vruntime,
 * id), the total weight of its tasks, and its min_vruntime, which never goes
 * back. All operations O(log n).
 */
final class CfsQueue implements RunQueue<CfsPolicy.Task> {
    private static final Comparator<CfsPolicy.Task> ORDER =
            Comparator.<CfsPolicy.Task>comparingLong(t -> t.vruntime).thenComparingInt(t -> t.id());

    private final TreeSet<CfsPolicy.Task> tree = new TreeSet<>(ORDER);
    private long totalWeight;
    private long minVruntime;

    /** Inserts a task (its vruntime must not change while queued). */
    @Override
    public void add(CfsPolicy.Task task) {
        if (tree.add(task)) {
            totalWeight += task.weight;
        }
    }

    /** Removes a task. */
    @Override
    public boolean remove(CfsPolicy.Task task) {
        if (tree.remove(task)) {
            totalWeight -= task.weight;
            return true;
        }
        return false;
    }

    /** Removes and returns the leftmost task (smallest vruntime). */
    @Override
    public CfsPolicy.Task poll() {
        CfsPolicy.Task t = tree.pollFirst();
        if (t != null) {
            totalWeight -= t.weight;
        }
        return t;
    }

    /** Number of queued tasks. */
    @Override
    public int size() {
        return tree.size();
    }

    /** The leftmost task, or null. */
    CfsPolicy.Task first() {
        return tree.isEmpty() ? null : tree.first();
    }

    /** The rightmost task, or null. */
    CfsPolicy.Task last() {
        return tree.isEmpty() ? null : tree.last();
    }

    /** Sum of the queued tasks' weights. */
    long totalWeight() {
        return totalWeight;
    }

    /** The queue's min_vruntime. */
    long minVruntime() {
        return minVruntime;
    }

    /** Raises min_vruntime to {@code candidate} if larger (it never decreases). */
    void advanceMin(long candidate) {
        if (candidate > minVruntime) {
            minVruntime = candidate;
        }
    }
}
