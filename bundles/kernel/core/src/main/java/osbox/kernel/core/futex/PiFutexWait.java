package osbox.kernel.core.futex;

import osbox.api.kernel.WaitHolder;
import osbox.api.kernel.WaitResource;

/**
 * A FUTEX_LOCK_PI waiter's edge in the wait-for graph: the waiter waits for
 * the thread that owns the lock, the tid in the futex word, which the
 * waiter's {@link FutexWaiter#owner} follows (an unlock that hands the lock
 * to another waiter moves it). An AND-wait of one: only that owner can end
 * it, so a cycle of PI waiters is a deadlock.
 */
public final class PiFutexWait implements WaitResource {
    private final FutexWaiter waiter;
    private final long uaddr;

    /** The edge of {@code waiter}, waiting on the word at user address uaddr. */
    public PiFutexWait(FutexWaiter waiter, long uaddr) {
        this.waiter = waiter;
        this.uaddr = uaddr;
    }

    /** "pi-futex 0x4c2a0 (owner tid 5)". */
    @Override
    public String describe() {
        return "pi-futex 0x" + Long.toHexString(uaddr) + (waiter.owner == null ? ""
                : " (owner tid " + waiter.owner.tid() + ")");
    }

    /** Whether holder is the thread that owns the lock now. */
    @Override
    public boolean heldBy(WaitHolder holder) {
        return waiter.owner != null && waiter.owner.tid() == holder.tid();
    }
}
