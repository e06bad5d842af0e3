package osbox.kernel.core.futex;

import osbox.api.kernel.UserMemory;
import osbox.kernel.core.proc.Process;

/**
 * What a thread's futexes need when it lets go of its memory (exit, a
 * fatal signal, execve: Linux's exit_robust_list and mm_release): every
 * robust mutex it still holds is marked FUTEX_OWNER_DIED and one waiter
 * woken; then its clear_child_tid word (set_tid_address,
 * CLONE_CHILD_CLEARTID) is set to 0 and one waiter woken, which is what
 * pthread_join sleeps on. Bad pointers are ignored, as Linux ignores them.
 */
public final class ThreadRelease {
    private final Futexes futexes;
    private final PiFutexes pi;

    /** Releases threads' futexes through {@code futexes} and their PI waits and boosts through {@code pi}. */
    public ThreadRelease(Futexes futexes, PiFutexes pi) {
        this.futexes = futexes;
        this.pi = pi;
    }

    /** Releases t's robust futexes and clear_child_tid word; call before its address space is destroyed or replaced. */
    public void released(Process t) {
        pi.threadEnded(t);
        futexes.endWait(t);
        if (t.robustList() != 0) {
            walkRobustList(t);
            t.setRobustList(0, 0);
        }
        long tidWord = t.clearChildTid();
        if (tidWord != 0) {
            t.setClearChildTid(0);
            if (t.userMemory().writeInt(tidWord, 0)) {
                wakeBoth(t, tidWord);
            }
        }
    }

    // struct robust_list_head { robust_list *list; long futex_offset; robust_list *list_op_pending; }: each
    // entry's futex word is at entry + futex_offset; the list ends where it points back at the head.
    private void walkRobustList(Process t) {
        UserMemory m = t.userMemory();
        long head = t.robustList();
        long[] word = new long[1];
        if (!m.readLong(head, word)) {
            return;
        }
        long entry = word[0];
        if (!m.readLong(head + 8, word)) {
            return;
        }
        long offset = word[0];
        if (!m.readLong(head + 16, word)) {
            return;
        }
        long pending = word[0] & ~1L;
        for (int n = 0; entry != head && n < Futexes.ROBUST_LIST_LIMIT; n++) {
            long lockEntry = entry & ~1L;
            if (!m.readLong(lockEntry, word)) {
                return;
            }
            long next = word[0];
            if (lockEntry != pending) {
                ownerDied(t, lockEntry + offset);
            }
            entry = next;
        }
        if (pending != 0) {
            ownerDied(t, pending + offset);
        }
    }

    // Linux's handle_futex_death: a word t owns (its tid in the low bits) becomes OWNER_DIED, keeping
    // FUTEX_WAITERS; one waiter wakes to take the mutex (EOWNERDEAD in pthread_mutex_lock).
    private void ownerDied(Process t, long uaddr) {
        if ((uaddr & 3) != 0) {
            return;
        }
        UserMemory m = t.userMemory();
        Integer value = Futexes.readWord(m, uaddr);
        if (value == null) {
            return;
        }
        if ((value & Futexes.FUTEX_TID_MASK) != t.tid()) {
            return;
        }
        int died = (value & Futexes.FUTEX_WAITERS) | Futexes.FUTEX_OWNER_DIED;
        if (m.writeInt(uaddr, died) && (value & Futexes.FUTEX_WAITERS) != 0) {
            wakeBoth(t, uaddr);
        }
    }

    // Linux wakes these words as shared futexes, whose key for private memory equals the private key; here
    // the two keys differ, so the private one is tried first and the shared one when it woke nobody.
    private void wakeBoth(Process t, long uaddr) {
        if ((uaddr & 3) != 0) {
            return;
        }
        FutexKey own = futexes.key(t, uaddr, true);
        if (own != null && futexes.wake(own, 1, Futexes.MATCH_ANY) > 0) {
            return;
        }
        FutexKey shared = futexes.key(t, uaddr, false);
        if (shared != null) {
            futexes.wake(shared, 1, Futexes.MATCH_ANY);
        }
    }
}
