package osbox.policy.support;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import osbox.api.sched.SchedTask;

/**
 * A double-ended queue of tasks with removal by id in O(log n): tasks are
 * ordered by a sequence number (front inserts count down, back inserts count
 * up). Deterministic: only TreeMaps.
 */
public final class TaskQueue {
    private final TreeMap<Long, SchedTask> bySeq = new TreeMap<>();
    private final TreeMap<Integer, Long> seqOf = new TreeMap<>();
    private long front;
    private long back;

    /** Puts task at the back (moving it if already queued). */
    public void addLast(SchedTask task) {
        remove(task);
        put(task, back++);
    }

    /** Puts task at the front (moving it if already queued). */
    public void addFirst(SchedTask task) {
        remove(task);
        put(task, --front);
    }

    /** Removes and returns the front task, or null when empty. */
    public SchedTask pollFirst() {
        var e = bySeq.pollFirstEntry();
        if (e == null) {
            return null;
        }
        seqOf.remove(e.getValue().id());
        return e.getValue();
    }

    /** The front task, or null when empty. */
    public SchedTask peekFirst() {
        var e = bySeq.firstEntry();
        return e == null ? null : e.getValue();
    }

    /** Removes the task with task's id; true if it was queued. */
    public boolean remove(SchedTask task) {
        Long seq = seqOf.remove(task.id());
        if (seq == null) {
            return false;
        }
        bySeq.remove(seq);
        return true;
    }

    /** Whether a task with this id is queued. */
    public boolean contains(SchedTask task) {
        return seqOf.containsKey(task.id());
    }

    /** Number of queued tasks. */
    public int size() {
        return bySeq.size();
    }

    /** Whether nothing is queued. */
    public boolean isEmpty() {
        return bySeq.isEmpty();
    }

    /**
     * The tasks in order as a read-only live view: no copy, so looking at the
     * first few is O(1) (do not change the queue while iterating it).
     */
    public java.util.Collection<SchedTask> view() {
        return java.util.Collections.unmodifiableCollection(bySeq.values());
    }

    /** The queued tasks, front to back. */
    public List<SchedTask> inOrder() {
        return new ArrayList<>(bySeq.values());
    }

    /** Records task under seq. */
    private void put(SchedTask task, long seq) {
        bySeq.put(seq, task);
        seqOf.put(task.id(), seq);
    }
}
