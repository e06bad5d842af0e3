package osbox.policy.support;

/**
 * One hart's run queue inside a {@link HartPolicy}. The order (or the draw)
 * that {@link #poll()} follows is the policy's decision.
 *
 * @param <E> the policy's entry type
 */
public interface RunQueue<E> {
    /** Adds an entry that is in no queue. */
    void add(E entry);

    /** Removes the entry; false when it was not in this queue. */
    boolean remove(E entry);

    /** Removes and returns the entry to run next, or null when empty. */
    E poll();

    /** Number of entries queued. */
    int size();
}
