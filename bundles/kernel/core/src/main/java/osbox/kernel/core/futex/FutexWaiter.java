package osbox.kernel.core.futex;

import osbox.kernel.core.proc.Process;
import osbox.kernel.core.sched.KernelWaitQueue;

/**
 * One thread waiting on a futex (Linux's futex_q): the futex it waits on
 * (requeue moves it), the bitset FUTEX_WAKE_BITSET matches against, the
 * queue it sleeps on (its own: a futex wake picks waiters one by one), and
 * whether a wake chose it. Made by {@link Futexes#beginWait}; the thread
 * holds it in {@link Process#futexWait()} until {@link Futexes#endWait}.
 */
public final class FutexWaiter {
    final Process thread;
    FutexKey key;
    final int bitset;
    final KernelWaitQueue<Process> queue;
    boolean woken;
    /** The cycle its wait times out at (Long.MAX_VALUE: never). */
    long deadline = Long.MAX_VALUE;
    /** For a priority-inheritance wait (FUTEX_LOCK_PI): the thread that holds the lock; null otherwise. */
    Process owner;

    FutexWaiter(Process thread, FutexKey key, int bitset, KernelWaitQueue<Process> queue) {
        this.thread = thread;
        this.key = key;
        this.bitset = bitset;
        this.queue = queue;
    }

    /** The waiting thread. */
    public Process thread() {
        return thread;
    }

    /** The futex it waits on now. */
    public FutexKey key() {
        return key;
    }

    /** The queue the thread sleeps on. */
    public KernelWaitQueue<Process> queue() {
        return queue;
    }

    /** Whether a FUTEX_WAKE (or a requeue's wake) chose it: its wait answers 0. */
    public boolean woken() {
        return woken;
    }

    /** The thread holding the PI lock it waits for, or null for a plain futex wait. */
    public Process owner() {
        return owner;
    }

    /** The cycle its wait times out at (Long.MAX_VALUE: never). */
    public long deadline() {
        return deadline;
    }

    /** The futex call: its wait times out at cycle {@code at}. */
    public void setDeadline(long at) {
        deadline = at;
    }

    // Whether its thread still sleeps here (not cut short by a signal, a stop or its death).
    boolean asleep() {
        return thread.sched().sleepingOn() == queue;
    }
}
