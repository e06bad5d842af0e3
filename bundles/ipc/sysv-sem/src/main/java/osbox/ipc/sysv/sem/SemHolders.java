package osbox.ipc.sysv.sem;

import osbox.api.kernel.WaitHolder;
import osbox.api.kernel.WaitResource;

/**
 * A semop that waits to decrement semaphore num of a set, as an edge of the
 * kernel's wait-for graph. The rule (the lock discipline): a process holds
 * the semaphore while its SEM_UNDO adjustment for it is positive, i.e. it
 * took units with SEM_UNDO that its exit would give back; the waiter waits
 * for those processes. Any process allowed to may post a semaphore, so the
 * edge is made only while some process holds it this way (see
 * {@link #anyHolder}): a counting semaphore posted by whoever is no edge,
 * and the detector reports no deadlock it cannot prove.
 */
final class SemHolders implements WaitResource {
    private final SemSet set;
    private final int num;

    SemHolders(SemSet set, int num) {
        this.set = set;
        this.num = num;
    }

    /** Whether some process holds semaphore num of set (a positive SEM_UNDO adjustment). */
    static boolean anyHolder(SemSet set, int num) {
        for (int[] adj : set.undo.values()) {
            if (adj[num] > 0) {
                return true;
            }
        }
        return false;
    }

    /** "semaphore 0 of set 3 (from its SEM_UNDO holders)". */
    @Override
    public String describe() {
        return "semaphore " + num + " of set " + set.id() + " (from its SEM_UNDO holders)";
    }

    /** Whether holder's process took units of the semaphore with SEM_UNDO and has not given them back. */
    @Override
    public boolean heldBy(WaitHolder holder) {
        int[] adj = set.undo.get(holder.pid());
        return adj != null && adj[num] > 0;
    }
}
