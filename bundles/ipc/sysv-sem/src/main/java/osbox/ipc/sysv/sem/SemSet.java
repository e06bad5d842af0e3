package osbox.ipc.sysv.sem;

import java.util.TreeMap;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.WaitQueue;
import osbox.ipc.sysv.common.IpcObject;
import osbox.ipc.sysv.common.IpcPerm;

/**
 * One semaphore set (struct sem_array): the values, the pid of each
 * semaphore's last operation, the wait queues of the callers waiting for
 * a semaphore to grow (ncnt) or to reach zero (zcnt), made on first use,
 * and each process's SEM_UNDO adjustments (semadj), by pid.
 */
final class SemSet extends IpcObject {
    final int[] values;
    final int[] pids;
    private final WaitQueue[] increase;
    private final WaitQueue[] zero;
    /** semadj by pid: what its exit adds back to each semaphore. */
    final TreeMap<Integer, int[]> undo = new TreeMap<>();
    long otime;
    long ctime;

    SemSet(IpcPerm perm, int nsems, long ctime) {
        super(perm);
        this.values = new int[nsems];
        this.pids = new int[nsems];
        this.increase = new WaitQueue[nsems];
        this.zero = new WaitQueue[nsems];
        this.ctime = ctime;
    }

    int size() {
        return values.length;
    }

    /** The queue of callers waiting on semaphore i to grow (waitZero false) or reach zero. */
    WaitQueue queue(Kernel kernel, int i, boolean waitZero) {
        WaitQueue[] qs = waitZero ? zero : increase;
        if (qs[i] == null) {
            qs[i] = kernel.newWaitQueue("sem key " + perm().key + "[" + i + "] " + (waitZero ? "zcnt" : "ncnt"));
        }
        return qs[i];
    }

    /** semncnt or semzcnt of semaphore i: how many sleep on it. */
    int waiting(int i, boolean waitZero) {
        WaitQueue q = (waitZero ? zero : increase)[i];
        return q == null ? 0 : q.size();
    }

    /** Wakes every caller waiting on this set: each runs its semop again (the values changed, or the set went). */
    void wakeAll() {
        for (int i = 0; i < values.length; i++) {
            if (increase[i] != null) {
                increase[i].wakeAll();
            }
            if (zero[i] != null) {
                zero[i].wakeAll();
            }
        }
    }

    /** The adjustments of pid, made on its first SEM_UNDO operation. */
    int[] undoOf(int pid) {
        return undo.computeIfAbsent(pid, p -> new int[values.length]);
    }

    /** SETVAL and SETALL: semaphore i's adjustments (every one's when i &lt; 0) are cleared in every process. */
    void clearUndo(int i) {
        for (int[] adj : undo.values()) {
            if (i < 0) {
                java.util.Arrays.fill(adj, 0);
            } else {
                adj[i] = 0;
            }
        }
    }
}
