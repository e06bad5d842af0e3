package osbox.kernel.core.futex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import osbox.api.hw.Access;
import osbox.api.kernel.UserMemory;
import osbox.api.memory.AddressSpace;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.sched.Dispatcher;

/**
 * The futex mechanism (Linux's futex hash table): who waits on which futex,
 * in the order they came, and the wakes and requeues that choose among them.
 * The map is only ever looked up by key, never iterated, so its hashing
 * order decides nothing.
 *
 * <p>A thread starts waiting at {@link #beginWait} and stops at
 * {@link #endWait}, the two points where it enters and leaves a futex's
 * queue (what a wait-for graph would observe). A waiter whose thread no
 * longer sleeps on its queue (a signal cut the wait short, it was stopped
 * or killed) is dropped when a wake meets it, uncounted, as Linux's
 * interrupted waiter unqueues itself. Simulation thread only.
 */
public final class Futexes {
    /** Bits of a robust futex word (Linux's futex.h). */
    public static final int FUTEX_WAITERS = 0x8000_0000, FUTEX_OWNER_DIED = 0x4000_0000,
            FUTEX_TID_MASK = 0x3fff_ffff;
    /** FUTEX_BITSET_MATCH_ANY. */
    public static final int MATCH_ANY = -1;
    /** Linux's ROBUST_LIST_LIMIT: at most this many entries are walked at a thread's death. */
    static final int ROBUST_LIST_LIMIT = 2048;
    /** The user half of Sv39: a futex word must lie below it (Linux's TASK_SIZE check). */
    static final long USER_TOP = 1L << 38;

    private final Dispatcher<Process> dispatcher;
    private final HashMap<FutexKey, ArrayDeque<FutexWaiter>> waiting = new HashMap<>();
    private long waits;
    private long wakes;

    /** Futexes whose waiters sleep and wake through {@code dispatcher}. */
    public Futexes(Dispatcher<Process> dispatcher) {
        this.dispatcher = dispatcher;
    }

    /**
     * The key of the 32-bit word at uaddr for thread p: (its address space,
     * uaddr) when {@code privateFutex}, the word's physical address
     * otherwise; null when the word is outside the user half or not mapped
     * readable (EFAULT). The caller checked the alignment.
     */
    public FutexKey key(Process p, long uaddr, boolean privateFutex) {
        if (Long.compareUnsigned(uaddr, USER_TOP - 4) > 0) {
            return null;
        }
        AddressSpace space = p.space();
        if (privateFutex) {
            return new FutexKey(space, uaddr);
        }
        // a writable page is translated for writing: a copy-on-write page gets its own frame first, so the
        // key does not change under the waiter when the word is next written
        long pa = space.translateForKernel(uaddr, Access.WRITE);
        if (pa < 0) {
            pa = space.translateForKernel(uaddr, Access.READ);
        }
        return pa < 0 ? null : new FutexKey(null, pa);
    }

    /**
     * p starts waiting on key (woken by a wake whose bitset shares a bit with
     * {@code bitset}): queued last, and p's {@link Process#futexWait()} set.
     * A waiter p left behind (its wait was cut short) is dropped first. The
     * caller puts p to sleep on the waiter's queue.
     */
    public FutexWaiter beginWait(Process p, FutexKey key, int bitset) {
        endWait(p);
        FutexWaiter w = new FutexWaiter(p, key, bitset, dispatcher.newWaitQueue("futex of tid " + p.tid()));
        waiting.computeIfAbsent(key, k -> new ArrayDeque<>()).add(w);
        p.setFutexWait(w);
        waits++;
        return w;
    }

    /** p stops waiting (woken, timed out, interrupted or ended): off its futex's queue, its waiter forgotten. */
    public void endWait(Process p) {
        if (p.futexWait() instanceof FutexWaiter w) {
            unqueue(w);
            p.setFutexWait(null);
        }
    }

    /** The waiter p holds, or null when it does not wait on a futex. */
    public FutexWaiter waiterOf(Process p) {
        return p.futexWait() instanceof FutexWaiter w ? w : null;
    }

    /**
     * FUTEX_WAKE(_BITSET): wakes up to n (at least one, as Linux's loop
     * does for n &lt;= 0) of the threads waiting on key whose bitset meets
     * {@code bitset}, oldest first; returns how many woke.
     */
    public int wake(FutexKey key, int n, int bitset) {
        ArrayDeque<FutexWaiter> q = waiting.get(key);
        if (q == null) {
            return 0;
        }
        int woken = 0;
        for (Iterator<FutexWaiter> it = q.iterator(); it.hasNext(); ) {
            FutexWaiter w = it.next();
            if (!w.asleep()) {
                it.remove();    // its wait was cut short: it unqueues itself on Linux
                continue;
            }
            if ((w.bitset & bitset) == 0) {
                continue;
            }
            it.remove();
            wakeOne(w);
            if (++woken >= n) {
                break;
            }
        }
        dropIfEmpty(key, q);
        return woken;
    }

    /**
     * FUTEX_REQUEUE and CMP_REQUEUE (the caller compared the word): wakes up
     * to nWake waiters of from as {@link #wake} does, then moves up to
     * nRequeue of the rest to {@code to}, in order; returns woken plus moved.
     */
    public int requeue(FutexKey from, FutexKey to, int nWake, int nRequeue) {
        ArrayDeque<FutexWaiter> q = waiting.get(from);
        if (q == null) {
            return 0;
        }
        int woken = 0;
        int moved = 0;
        List<FutexWaiter> moving = new ArrayList<>();
        for (Iterator<FutexWaiter> it = q.iterator(); it.hasNext(); ) {
            FutexWaiter w = it.next();
            if (!w.asleep()) {
                it.remove();
                continue;
            }
            if (woken < nWake) {
                it.remove();
                wakeOne(w);
                woken++;
            } else if (moved < nRequeue) {
                it.remove();
                moving.add(w);
                moved++;
            } else {
                break;
            }
        }
        dropIfEmpty(from, q);
        if (!moving.isEmpty()) {
            ArrayDeque<FutexWaiter> target = waiting.computeIfAbsent(to, k -> new ArrayDeque<>());
            for (FutexWaiter w : moving) {
                w.key = to;
                target.add(w);
            }
        }
        return woken + moved;
    }

    /** The 32-bit little-endian word at uaddr of m, or null when it cannot be read. */
    public static Integer readWord(UserMemory m, long uaddr) {
        byte[] b = new byte[4];
        if (!m.read(uaddr, b, 0, 4)) {
            return null;
        }
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | b[3] << 24;
    }

    /** Threads waiting on key now (asleep or not yet unqueued). */
    public int waiters(FutexKey key) {
        ArrayDeque<FutexWaiter> q = waiting.get(key);
        return q == null ? 0 : q.size();
    }

    /** Waits begun since boot. */
    public long waits() {
        return waits;
    }

    /** Threads woken by a futex wake since boot. */
    public long wakes() {
        return wakes;
    }

    /** Wakes w, chosen by its caller (a PI unlock's hand-over), off its queue. */
    void wakeChosen(FutexWaiter w) {
        unqueue(w);
        wakeOne(w);
    }

    // Marks w chosen and wakes its thread (its wait answers 0 when the call runs again).
    private void wakeOne(FutexWaiter w) {
        w.woken = true;
        wakes++;
        w.queue.wakeAll();
    }

    private void unqueue(FutexWaiter w) {
        ArrayDeque<FutexWaiter> q = waiting.get(w.key);
        if (q != null) {
            q.remove(w);
            dropIfEmpty(w.key, q);
        }
    }

    private void dropIfEmpty(FutexKey key, ArrayDeque<FutexWaiter> q) {
        if (q.isEmpty()) {
            waiting.remove(key);
        }
    }
}
