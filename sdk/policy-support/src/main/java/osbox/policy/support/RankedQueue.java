package osbox.policy.support;

import java.util.Comparator;
import java.util.TreeMap;
import osbox.api.sched.SchedTask;

/**
 * Runnable tasks ordered by a rank (smaller first), ties broken by the order
 * they were added (first come, first served). Removal by id. Deterministic:
 * only TreeMaps.
 */
public final class RankedQueue {
    /** A task's place: its rank, then its arrival sequence. */
    private record Key(long rank, long seq) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::rank).thenComparingLong(Key::seq);

    private final TreeMap<Key, SchedTask> byKey = new TreeMap<>(ORDER);
    private final TreeMap<Integer, Key> keyOf = new TreeMap<>();
    private long seq;

    /** Adds task with rank (replacing a previous entry for its id). */
    public void add(SchedTask task, long rank) {
        remove(task);
        Key k = new Key(rank, seq++);
        byKey.put(k, task);
        keyOf.put(task.id(), k);
    }

    /** Removes the task with task's id; true if it was queued. */
    public boolean remove(SchedTask task) {
        Key k = keyOf.remove(task.id());
        if (k == null) {
            return false;
        }
        byKey.remove(k);
        return true;
    }

    /** Removes and returns the lowest-ranked task, or null. */
    public SchedTask pollFirst() {
        var e = byKey.pollFirstEntry();
        if (e == null) {
            return null;
        }
        keyOf.remove(e.getValue().id());
        return e.getValue();
    }

    /** The lowest rank queued, or Long.MAX_VALUE when empty. */
    public long bestRank() {
        return byKey.isEmpty() ? Long.MAX_VALUE : byKey.firstKey().rank();
    }

    /** Whether nothing is queued. */
    public boolean isEmpty() {
        return byKey.isEmpty();
    }
}
