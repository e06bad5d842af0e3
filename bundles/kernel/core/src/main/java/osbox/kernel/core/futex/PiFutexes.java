package osbox.kernel.core.futex;

import java.util.ArrayList;
import java.util.List;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.UserMemory;
import osbox.api.trace.TraceKind;
import osbox.api.trace.Tracer;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ProcessTable;
import osbox.kernel.core.sched.Dispatcher;

/**
 * Priority-inheritance futexes (Linux's FUTEX_LOCK_PI, UNLOCK_PI,
 * TRYLOCK_PI over rt_mutexes): the word holds the owner's tid, with
 * FUTEX_WAITERS while threads wait. A thread that must wait lends the owner
 * its priority (the owner's priority becomes the best of its waiters', and
 * on along the chain when the owner itself waits for a PI lock), so under
 * the {@code priority} policy a low-priority owner is not starved by
 * middle-priority work (priority inversion). Unlocking hands the lock to
 * the most important waiter (the oldest among equals) and gives the old
 * owner back its own priority. Each boost and its end is traced. The
 * waits go through {@link Futexes#beginWait} and {@link Futexes#endWait},
 * with {@link FutexWaiter#owner()} naming whom they wait for.
 * Simulation thread only.
 */
public final class PiFutexes {
    /** Linux's EDEADLK and ESRCH (EDEADLK is not among the API's Errno constants). */
    public static final int EDEADLK = 35;
    /** How far a boost follows owners that wait for PI locks themselves. */
    private static final int CHAIN_LIMIT = 64;

    private final Futexes futexes;
    private final ProcessTable table;
    private final Dispatcher<Process> dispatcher;
    private final Tracer tracer;
    /** Every PI waiter, in the order they began (scanned in that order: no hashing decides). */
    private final List<FutexWaiter> waiters = new ArrayList<>();

    /** PI futexes over {@code futexes}, owners looked up in {@code table}. */
    public PiFutexes(Futexes futexes, ProcessTable table, Dispatcher<Process> dispatcher, Tracer tracer) {
        this.futexes = futexes;
        this.table = table;
        this.dispatcher = dispatcher;
        this.tracer = tracer;
    }

    /**
     * FUTEX_LOCK_PI (or TRYLOCK_PI with {@code tryOnly}) by p on the word at
     * uaddr (key: its futex): 0 when p now owns it (the word was free, or
     * its owner died: FUTEX_OWNER_DIED is kept for the caller to see);
     * -EDEADLK when p owns it already; -ESRCH when the owner named is no
     * live thread; -EAGAIN for a busy lock with {@code tryOnly}
     * ({@code handedOver}: p was just woken from a wait for it, and a word
     * naming p means an unlock handed it over: 0);
     * -EFAULT when the word cannot be read or written. Otherwise sets
     * FUTEX_WAITERS, boosts the owner, and answers null: the caller puts p
     * to sleep on the returned waiter's queue (through {@link #waiterFor}).
     */
    public Long lock(Process p, long uaddr, FutexKey key, boolean tryOnly, boolean handedOver) {
        UserMemory m = p.userMemory();
        Integer word = Futexes.readWord(m, uaddr);
        if (word == null) {
            return (long) -Errno.EFAULT;
        }
        int ownerTid = word & Futexes.FUTEX_TID_MASK;
        if (ownerTid == 0) {
            int taken = p.tid() | (word & Futexes.FUTEX_OWNER_DIED) | (futexes.waiters(key) > 0 ? Futexes.FUTEX_WAITERS : 0);
            return m.writeInt(uaddr, taken) ? 0L : -Errno.EFAULT;
        }
        if (ownerTid == p.tid()) {
            return handedOver ? 0L : -EDEADLK;     // an unlock gave it to p as it woke p
        }
        Process owner = table.get(ownerTid);
        if (owner == null || owner.state() == ProcessState.ZOMBIE) {
            return (long) -Errno.ESRCH;
        }
        if (tryOnly) {
            return (long) -Errno.EAGAIN;
        }
        if ((word & Futexes.FUTEX_WAITERS) == 0 && !m.writeInt(uaddr, word | Futexes.FUTEX_WAITERS)) {
            return (long) -Errno.EFAULT;
        }
        FutexWaiter w = futexes.beginWait(p, key, Futexes.MATCH_ANY);
        w.owner = owner;
        waiters.add(w);
        boostChain(owner);
        return null;
    }

    /** The PI waiter p holds, or null. */
    public FutexWaiter waiterFor(Process p) {
        FutexWaiter w = futexes.waiterOf(p);
        return w != null && w.owner != null ? w : null;
    }

    /**
     * FUTEX_UNLOCK_PI by p: -EPERM unless the word names p; the lock goes to
     * the most important waiter (word = its tid, FUTEX_WAITERS kept while
     * others wait), which wakes owning it, or becomes 0 with none; p gets
     * its own priority back (or what its other locks' waiters lend it).
     */
    public long unlock(Process p, long uaddr, FutexKey key) {
        UserMemory m = p.userMemory();
        Integer word = Futexes.readWord(m, uaddr);
        if (word == null) {
            return -Errno.EFAULT;
        }
        if ((word & Futexes.FUTEX_TID_MASK) != p.tid()) {
            return -Errno.EPERM;
        }
        FutexWaiter next = null;
        int others = 0;
        for (FutexWaiter w : waiters) {
            if (w.key.equals(key) && w.asleep() && !w.woken) {
                if (next == null || w.thread.priority() < next.thread.priority()) {
                    next = w;
                }
                others++;
            }
        }
        if (next == null) {
            if (!m.writeInt(uaddr, 0)) {
                return -Errno.EFAULT;
            }
        } else {
            if (!m.writeInt(uaddr, next.thread.tid() | (others > 1 ? Futexes.FUTEX_WAITERS : 0))) {
                return -Errno.EFAULT;
            }
            for (FutexWaiter w : waiters) {
                if (w != next && w.key.equals(key)) {
                    w.owner = next.thread;
                }
            }
            next.owner = next.thread;   // it owns what it waited for; its restart ends the wait (stopWaiting)
            futexes.wakeChosen(next);
            recompute(next.thread);
        }
        recompute(p);
        return 0;
    }

    /** p (a PI waiter) stops waiting: its waiter goes and its owner's boost is recomputed. */
    public void stopWaiting(Process p, FutexWaiter w) {
        waiters.remove(w);
        Process owner = w.owner;
        w.owner = null;
        futexes.endWait(p);
        if (owner != null) {
            recompute(owner);
        }
    }

    /** Thread t ends: its PI wait ends, and so does every boost it had. */
    public void threadEnded(Process t) {
        FutexWaiter w = waiterFor(t);
        if (w != null) {
            stopWaiting(t, w);
        }
        waiters.removeIf(x -> x.thread == t);
    }

    // Lends owner (and whoever it waits for, along the chain) the best priority of the waiters it blocks.
    private void boostChain(Process owner) {
        Process o = owner;
        for (int n = 0; o != null && n < CHAIN_LIMIT; n++) {
            recompute(o);
            FutexWaiter next = waiterFor(o);
            o = next == null ? null : next.owner;
        }
    }

    // owner's lent priority: the best of the threads waiting for locks it owns (none: no boost). A waiter
    // counts from beginWait (before its thread is put to sleep) until its wait ends.
    private void recompute(Process owner) {
        int best = Integer.MAX_VALUE;
        for (FutexWaiter w : waiters) {
            if (w.owner == owner && w.thread.futexWait() == w) {
                best = Math.min(best, w.thread.priority());
            }
        }
        int before = owner.priority();
        owner.setLentPriority(best);
        if (owner.priority() != before) {
            tracer.record(TraceKind.PRIORITY_BOOST, owner.sched().hart(), owner.tid(), owner.priority(), before,
                    owner.priority() < before ? "priority inheritance: tid " + owner.tid() + " boosted to "
                            + owner.priority() : "priority inheritance: tid " + owner.tid() + " back to "
                            + owner.priority());
            dispatcher.priorityChanged(owner);
        }
    }
}
