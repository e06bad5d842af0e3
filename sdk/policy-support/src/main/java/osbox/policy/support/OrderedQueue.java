package osbox.policy.support;

import java.util.Comparator;
import java.util.TreeSet;

/**
 * A run queue kept in a fixed total order (a red-black tree): O(log n) add,
 * remove and poll.
 *
 * @param <E> the policy's entry type
 */
public final class OrderedQueue<E> implements RunQueue<E> {
    private final TreeSet<E> tree;

    /** A queue ordered by {@code order}, which must be total (ties broken by id or sequence). */
    public OrderedQueue(Comparator<? super E> order) {
        this.tree = new TreeSet<>(order);
    }

    /** Inserts an entry (its keys must not change while queued). */
    @Override
    public void add(E entry) {
        tree.add(entry);
    }

    /** Removes an entry. */
    @Override
    public boolean remove(E entry) {
        return tree.remove(entry);
    }

    /** Removes and returns the first entry. */
    @Override
    public E poll() {
        return tree.pollFirst();
    }

    /** Number of entries. */
    @Override
    public int size() {
        return tree.size();
    }

    /** The first entry, or null. */
    public E first() {
        return tree.isEmpty() ? null : tree.first();
    }

    /** The last entry, or null. */
    public E last() {
        return tree.isEmpty() ? null : tree.last();
    }
}
