package osbox.ipc.sysv.sem;

import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;
import osbox.api.kernel.Syscalls;
import osbox.ipc.sysv.common.Ipc;
import osbox.ipc.sysv.common.IpcSleepers;

/**
 * semtimedop(semid, sops, nsops, timeout), and semop through {@link
 * #operate}: the nsops struct sembuf {unsigned short sem_num; short
 * sem_op; short sem_flg} at sops are done all at once or not at all, in
 * Linux's order of checks (EINVAL, E2BIG over semopm, EFAULT, EINVAL for a
 * bad timeout, EINVAL for no such set, EFBIG for a semaphore past the set,
 * EACCES, ERANGE over SEMVMX or an adjustment past SEMAEM). An operation
 * that cannot be done yet (a decrement below zero, a wait for zero on a
 * non-zero value) puts the caller to sleep on that semaphore (it counts in
 * its semncnt or semzcnt), or answers EAGAIN under its IPC_NOWAIT or when
 * the timeout passes; IPC_RMID meanwhile answers EIDRM, a signal EINTR.
 * SEM_UNDO records the opposite adjustment, which the caller's exit applies.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SEMTIMEDOP,
        SyscallHandler.NAME + "=semtimedop", SyscallHandler.STATUS + "=full"})
public final class SemtimedopCall extends HandedOverCall implements SyscallHandler {
    /** sem_flg: undo at exit. */
    static final int SEM_UNDO = 0x1000;
    /** sizeof(struct sembuf). */
    static final int SEMBUF_SIZE = 6;

    private final SemSets sets;

    @Activate
    public SemtimedopCall(@Reference(name = "sets") SemSets sets) {
        this.sets = sets;
    }

    @Override
    public long invoke(SyscallContext c) {
        return operate(sets, c, c.arg(3));
    }

    /** One operation of a semop: the semaphore, the change (0: wait for zero) and the flags. */
    private record Op(int num, int change, int flags) {
    }

    /** semop and semtimedop on (a0, a1, a2); timeout the user's struct timespec, 0 for none. */
    static long operate(SemSets sets, SyscallContext c, long timeout) {
        IpcSleepers.Sleep slept = stopWaiting(sets, c);
        int id = (int) c.arg(0);
        long nsops = c.arg(2);
        if (nsops < 1 || id < 0) {
            return -Errno.EINVAL;
        }
        if (nsops > sets.limits().semopm()) {
            return -Errno.E2BIG;
        }
        ByteBuffer raw = Ipc.read(c, c.arg(1), (int) nsops * SEMBUF_SIZE);
        if (raw == null) {
            return -Errno.EFAULT;
        }
        long deadline = Long.MAX_VALUE;
        if (slept != null) {
            deadline = slept.deadline();
        } else if (timeout != 0) {
            ByteBuffer ts = Ipc.read(c, timeout, 16);
            if (ts == null) {
                return -Errno.EFAULT;
            }
            long sec = ts.getLong(0);
            long nsec = ts.getLong(8);
            if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) {
                return -Errno.EINVAL;
            }
            deadline = c.now() + cycles(sec, nsec, c.frequencyHz());
        }
        Op[] ops = new Op[(int) nsops];
        int max = 0;
        boolean alter = false;
        for (int i = 0; i < ops.length; i++) {
            ops[i] = new Op(raw.getShort(i * 6) & 0xffff, raw.getShort(i * 6 + 2), raw.getShort(i * 6 + 4));
            max = Math.max(max, ops[i].num);
            alter |= ops[i].change != 0;
        }
        if (slept != null && slept.on().removed()) {
            return -Errno.EIDRM;
        }
        SemSet set = sets.ids().byId(id);
        if (set == null) {
            return -Errno.EINVAL;
        }
        if (max >= set.size()) {
            return -Errno.EFBIG;
        }
        if (!set.perm().allows(c.process(), alter ? Ipc.WRITE : Ipc.READ)) {
            return -Errno.EACCES;
        }
        long result = attempt(set, ops, c);
        if (result <= 0) {
            return result;
        }
        if (c.now() >= deadline) {
            return -Errno.EAGAIN;
        }
        Op blocked = ops[(int) result - 1];
        return startWaiting(sets, c, set, blocked.num, blocked.change == 0, deadline);
    }

    /**
     * Does every operation, or none (perform_atomic_semop): 0 when done
     * (the set's waiters run again), -errno (ERANGE, or EAGAIN for an
     * operation that would wait under IPC_NOWAIT), or 1 + the index of the
     * first operation that must wait.
     */
    private static long attempt(SemSet set, Op[] ops, SyscallContext c) {
        int pid = c.process().pid();
        int[] values = set.values.clone();
        int[] existing = set.undo.get(pid);
        int[] adj = existing == null ? new int[set.size()] : existing.clone();
        boolean undo = false;
        for (int i = 0; i < ops.length; i++) {
            Op op = ops[i];
            int result = values[op.num] + op.change;
            if ((op.change == 0 && values[op.num] != 0) || result < 0) {
                return (op.flags & Ipc.IPC_NOWAIT) != 0 ? -Errno.EAGAIN : i + 1;
            }
            if (result > SemLimits.SEMVMX) {
                return -Errno.ERANGE;
            }
            if ((op.flags & SEM_UNDO) != 0) {
                int a = adj[op.num] - op.change;
                if (a < -SemLimits.SEMVMX - 1 || a > SemLimits.SEMVMX) {
                    return -Errno.ERANGE;
                }
                adj[op.num] = a;
                undo = true;
            }
            values[op.num] = result;
        }
        System.arraycopy(values, 0, set.values, 0, values.length);
        if (undo) {
            System.arraycopy(adj, 0, set.undoOf(pid), 0, adj.length);
        }
        boolean alter = false;
        for (Op op : ops) {
            set.pids[op.num] = pid;
            alter |= op.change != 0;
        }
        set.otime = Ipc.seconds(c);
        if (alter) {
            set.wakeAll();
        }
        return 0;
    }

    /**
     * Where a semop starts waiting: the caller sleeps on semaphore num of
     * set (counted in its semzcnt when waitZero, else its semncnt) until
     * woken or deadline; answers RESTART, or -EDEADLK when the kernel's
     * deadlock policy refused the wait. A decrement without a timeout on a
     * semaphore some process holds by SEM_UNDO is an edge of the kernel's
     * wait-for graph, to those holders ({@link SemHolders}).
     */
    private static long startWaiting(SemSets sets, SyscallContext c, SemSet set, int num, boolean waitZero,
            long deadline) {
        sets.sleepers().sleeping(c, set, deadline);
        if (deadline == Long.MAX_VALUE && !waitZero && SemHolders.anyHolder(set, num)) {
            long r = c.waitFor(set.queue(sets.kernel(), num, waitZero), new SemHolders(set, num));
            if (r != RESTART) {
                sets.sleepers().forget(c.process().pid());
            }
            return r;
        }
        if (deadline == Long.MAX_VALUE) {
            c.sleepOn(set.queue(sets.kernel(), num, waitZero));
        } else {
            c.sleepOnUntil(set.queue(sets.kernel(), num, waitZero), deadline);
        }
        return RESTART;
    }

    /**
     * Where a semop stops waiting: every call starts here, and a restart
     * takes back its sleep (null for a new call). A deadlock detector
     * removes the caller's edge here.
     */
    private static IpcSleepers.Sleep stopWaiting(SemSets sets, SyscallContext c) {
        return sets.sleepers().resume(c);
    }

    // A relative timespec in cycles, saturating.
    private static long cycles(long sec, long nsec, long hz) {
        long whole = sec > Long.MAX_VALUE / hz ? Long.MAX_VALUE / 2 : sec * hz;
        return whole + nsec * hz / 1_000_000_000L;
    }
}
