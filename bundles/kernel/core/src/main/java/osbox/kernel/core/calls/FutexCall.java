package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.futex.FutexKey;
import osbox.kernel.core.futex.FutexWaiter;
import osbox.kernel.core.futex.Futexes;
import osbox.kernel.core.futex.PiFutexWait;
import osbox.kernel.core.futex.PiFutexes;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * futex(uaddr, op, val, timeout/val2, uaddr2, val3): decodes the call as
 * Linux's sys_futex and do_futex do, in their order of checks, and has the
 * futex mechanism ({@link Futexes}) wait, wake and requeue.
 * <ul>
 * <li>the timeout (WAIT, WAIT_BITSET) is read first: EFAULT, EINVAL for a
 *     bad timespec; FUTEX_CLOCK_REALTIME with another command: ENOSYS;</li>
 * <li>FUTEX_WAIT, WAIT_BITSET: EINVAL for a zero bitset or a misaligned
 *     word, EFAULT when it cannot be read, EAGAIN when it is not val;
 *     otherwise the thread sleeps until a wake (0), the timeout (ETIMEDOUT;
 *     relative for WAIT, absolute CLOCK_MONOTONIC or CLOCK_REALTIME for
 *     WAIT_BITSET) or a signal (EINTR, or the call runs again);</li>
 * <li>FUTEX_WAKE, WAKE_BITSET: wakes up to val waiters whose bitset meets
 *     val3's (any for WAKE); answers how many;</li>
 * <li>FUTEX_REQUEUE, CMP_REQUEUE: EINVAL for a negative count; CMP_REQUEUE
 *     answers EAGAIN unless the word is val3; wakes val waiters and moves up
 *     to val2 others to uaddr2; answers both counts added;</li>
 * <li>private futexes (FUTEX_PRIVATE_FLAG) meet within one process, shared
 *     ones across processes sharing the page;</li>
 * <li>FUTEX_LOCK_PI, TRYLOCK_PI, UNLOCK_PI: priority-inheritance locks
 *     ({@link PiFutexes}): EDEADLK when the caller owns the lock already,
 *     ESRCH for an owner that is no live thread, EAGAIN for TRYLOCK_PI on
 *     a busy lock, EPERM for an UNLOCK_PI by a thread that does not own
 *     it; LOCK_PI's timeout is absolute CLOCK_REALTIME;</li>
 * <li>FUTEX_WAKE_OP, LOCK_PI2 and the requeue-PI operations answer ENOSYS,
 *     as Linux does for commands it does not know.</li>
 * </ul>
 */
public final class FutexCall implements KernelSyscall {
    static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_REQUEUE = 3, FUTEX_CMP_REQUEUE = 4,
            FUTEX_LOCK_PI = 6, FUTEX_UNLOCK_PI = 7, FUTEX_TRYLOCK_PI = 8, FUTEX_WAIT_BITSET = 9,
            FUTEX_WAKE_BITSET = 10;
    static final int FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;
    // Linux's ETIMEDOUT (not among the API's Errno constants)
    static final int ETIMEDOUT = 110;

    @Override
    public long invoke(SyscallFrame c) {
        int op = (int) c.arg(1);
        int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
        boolean privateFutex = (op & FUTEX_PRIVATE_FLAG) != 0;
        boolean realtime = (op & FUTEX_CLOCK_REALTIME) != 0;
        if (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET) {
            return waitFor(c, cmd, privateFutex, realtime);
        }
        if (cmd == FUTEX_LOCK_PI) {
            return lockPi(c, privateFutex, realtime);
        }
        if (realtime) {
            return -Errno.ENOSYS;
        }
        switch (cmd) {
            case FUTEX_WAKE:
            case FUTEX_WAKE_BITSET:
                return wake(c, cmd, privateFutex);
            case FUTEX_REQUEUE:
            case FUTEX_CMP_REQUEUE:
                return requeue(c, cmd, privateFutex);
            case FUTEX_TRYLOCK_PI:
            case FUTEX_UNLOCK_PI:
                return tryOrUnlockPi(c, cmd, privateFutex);
            default:
                return -Errno.ENOSYS;
        }
    }

    // FUTEX_WAIT(_BITSET): the restart after a sleep answers how it ended; a new call checks the word and sleeps.
    private static long waitFor(SyscallFrame c, int cmd, boolean privateFutex, boolean realtime) {
        Futexes futexes = c.futexes();
        Process p = c.process();
        FutexWaiter slept = futexes.waiterOf(p);
        if (c.woken() && slept != null) {
            if (slept.woken()) {
                futexes.endWait(p);
                return 0;
            }
            if (Math.max(c.now(), c.dispatcher().now()) >= slept.deadline()) {
                futexes.endWait(p);
                return -ETIMEDOUT;
            }
            c.sleepOnUntil(slept.queue(), slept.deadline());    // woken for nothing: sleep on
            return RESTART;
        }
        long deadline = Long.MAX_VALUE;
        if (c.arg(3) != 0) {
            long ns = Timespecs.readNanos(c, c.arg(3));
            if (ns < 0) {
                return ns == Timespecs.FAULT ? -Errno.EFAULT : -Errno.EINVAL;
            }
            deadline = deadline(c, cmd, realtime, ns);
        }
        if (realtime && cmd != FUTEX_WAIT_BITSET) {
            return -Errno.ENOSYS;
        }
        int bitset = cmd == FUTEX_WAIT_BITSET ? (int) c.arg(5) : Futexes.MATCH_ANY;
        if (bitset == 0) {
            return -Errno.EINVAL;
        }
        long uaddr = c.arg(0);
        FutexKey[] key = new FutexKey[1];
        long refused = keyOf(c, uaddr, privateFutex, key);
        if (refused != 0) {
            return refused;
        }
        Integer value = Futexes.readWord(c.memory(), uaddr);
        if (value == null) {
            return -Errno.EFAULT;
        }
        if (value != (int) c.arg(2)) {
            return -Errno.EAGAIN;
        }
        if (deadline <= c.now()) {
            return -ETIMEDOUT;
        }
        FutexWaiter w = futexes.beginWait(p, key[0], bitset);
        w.setDeadline(deadline);
        c.sleepOnUntil(w.queue(), deadline);
        return RESTART;
    }

    // FUTEX_LOCK_PI: the timeout (absolute CLOCK_REALTIME) first, then the lock; asleep while another owns it.
    // The restart after a hand-over or a wake takes the lock anew (a word naming the caller is its own).
    private static long lockPi(SyscallFrame c, boolean privateFutex, boolean realtime) {
        PiFutexes pi = c.piFutexes();
        Process p = c.process();
        FutexWaiter slept = pi.waiterFor(p);
        boolean handedOver = false;
        if (c.woken() && slept != null) {
            if (slept.woken()) {
                pi.stopWaiting(p, slept);
                handedOver = true;
            } else if (Math.max(c.now(), c.dispatcher().now()) >= slept.deadline()) {
                pi.stopWaiting(p, slept);
                return -ETIMEDOUT;
            } else {
                return sleepForOwner(c, pi, slept, c.arg(0));    // woken for nothing: sleep on
            }
        }
        long deadline = Long.MAX_VALUE;
        if (c.arg(3) != 0) {
            long ns = Timespecs.readNanos(c, c.arg(3));
            if (ns < 0) {
                return ns == Timespecs.FAULT ? -Errno.EFAULT : -Errno.EINVAL;
            }
            deadline = deadline(c, FUTEX_WAIT_BITSET, true, ns);
        }
        if (realtime) {
            return -Errno.ENOSYS;
        }
        long uaddr = c.arg(0);
        FutexKey[] key = new FutexKey[1];
        long refused = keyOf(c, uaddr, privateFutex, key);
        if (refused != 0) {
            return refused;
        }
        Long done = pi.lock(p, uaddr, key[0], false, handedOver);
        if (done != null) {
            return done;
        }
        FutexWaiter w = pi.waiterFor(p);
        w.setDeadline(deadline);
        return sleepForOwner(c, pi, w, uaddr);
    }

    // Sleeps the LOCK_PI waiter w until its owner hands the lock over. Without a timeout the wait is an edge
    // of the wait-for graph (waits for the owner thread): a deadlock policy may refuse it, and the waiter
    // stops waiting (its boost ends) and answers EDEADLK, as Linux's rt_mutex deadlock check does.
    private static long sleepForOwner(SyscallFrame c, PiFutexes pi, FutexWaiter w, long uaddr) {
        if (w.deadline() != Long.MAX_VALUE) {
            c.sleepOnUntil(w.queue(), w.deadline());
            return RESTART;
        }
        long r = c.waitFor(w.queue(), new PiFutexWait(w, uaddr));
        if (r != RESTART) {
            pi.stopWaiting(c.process(), w);
        }
        return r;
    }

    // FUTEX_TRYLOCK_PI and FUTEX_UNLOCK_PI: the word's checks, then take it or hand it on.
    private static long tryOrUnlockPi(SyscallFrame c, int cmd, boolean privateFutex) {
        long uaddr = c.arg(0);
        FutexKey[] key = new FutexKey[1];
        long refused = keyOf(c, uaddr, privateFutex, key);
        if (refused != 0) {
            return refused;
        }
        if (cmd == FUTEX_UNLOCK_PI) {
            return c.piFutexes().unlock(c.process(), uaddr, key[0]);
        }
        Long done = c.piFutexes().lock(c.process(), uaddr, key[0], true, false);
        return done == null ? -Errno.EAGAIN : done;
    }

    // The futex key of an aligned word at uaddr: -EINVAL misaligned, -EFAULT outside the user half or unmapped
    // (shared), in keyOut[0] otherwise (answer 0).
    private static long keyOf(SyscallFrame c, long uaddr, boolean privateFutex, FutexKey[] keyOut) {
        if ((uaddr & 3) != 0) {
            return -Errno.EINVAL;
        }
        keyOut[0] = c.futexes().key(c.process(), uaddr, privateFutex);
        return keyOut[0] == null ? -Errno.EFAULT : 0;
    }

    // The cycle a wait of ns nanoseconds ends at: relative to now for FUTEX_WAIT, an absolute time of
    // CLOCK_MONOTONIC (the cycle count since boot) or CLOCK_REALTIME (from the simulated epoch) for WAIT_BITSET.
    private static long deadline(SyscallFrame c, int cmd, boolean realtime, long ns) {
        if (cmd == FUTEX_WAIT) {
            return c.now() + Timespecs.cycles(c, ns);
        }
        long since = realtime ? ns - Timespecs.REALTIME_EPOCH_SECONDS * Timespecs.NANOS : ns;
        return since <= 0 ? 0 : Timespecs.cycles(c, since);
    }

    // FUTEX_WAKE(_BITSET): up to val waiters (bitset val3 for WAKE_BITSET).
    private static long wake(SyscallFrame c, int cmd, boolean privateFutex) {
        int bitset = cmd == FUTEX_WAKE_BITSET ? (int) c.arg(5) : Futexes.MATCH_ANY;
        if (bitset == 0) {
            return -Errno.EINVAL;
        }
        long uaddr = c.arg(0);
        FutexKey[] key = new FutexKey[1];
        long refused = keyOf(c, uaddr, privateFutex, key);
        if (refused != 0) {
            return refused;
        }
        return c.futexes().wake(key[0], (int) c.arg(2), bitset);
    }

    // FUTEX_REQUEUE and CMP_REQUEUE: wake val, move val2 (the timeout argument's register) to uaddr2.
    private static long requeue(SyscallFrame c, int cmd, boolean privateFutex) {
        int nWake = (int) c.arg(2);
        int nRequeue = (int) c.arg(3);
        if (nWake < 0 || nRequeue < 0) {
            return -Errno.EINVAL;
        }
        long uaddr = c.arg(0);
        long uaddr2 = c.arg(4);
        if ((uaddr & 3) != 0 || (uaddr2 & 3) != 0) {
            return -Errno.EINVAL;
        }
        Futexes futexes = c.futexes();
        FutexKey from = futexes.key(c.process(), uaddr, privateFutex);
        FutexKey to = futexes.key(c.process(), uaddr2, privateFutex);
        if (from == null || to == null) {
            return -Errno.EFAULT;
        }
        if (cmd == FUTEX_CMP_REQUEUE) {
            Integer value = Futexes.readWord(c.memory(), uaddr);
            if (value == null) {
                return -Errno.EFAULT;
            }
            if (value != (int) c.arg(5)) {
                return -Errno.EAGAIN;
            }
        }
        return futexes.requeue(from, to, nWake, nRequeue);
    }
}
