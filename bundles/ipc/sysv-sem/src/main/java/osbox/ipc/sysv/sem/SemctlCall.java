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
import osbox.ipc.sysv.common.IpcStat;
import osbox.ipc.sysv.common.IpcPerm;

/**
 * semctl(semid, semnum, cmd, arg): GETVAL, SETVAL, GETALL, SETALL, GETPID,
 * GETNCNT, GETZCNT, IPC_STAT, IPC_SET, IPC_RMID and the ipcs commands
 * IPC_INFO, SEM_INFO, SEM_STAT and SEM_STAT_ANY, dispatched through a
 * table, with Linux's struct semid64_ds and struct seminfo and its errno
 * (EINVAL, ERANGE for a value over SEMVMX, EACCES, EPERM, EFAULT). arg is
 * union semun: the value for SETVAL, else a pointer. SETVAL and SETALL
 * clear the semaphores' undo adjustments in every process and wake the
 * waiters.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SEMCTL, SyscallHandler.NAME + "=semctl",
        SyscallHandler.STATUS + "=full"})
public final class SemctlCall extends HandedOverCall implements SyscallHandler {
    static final int GETPID = 11, GETVAL = 12, GETALL = 13, GETNCNT = 14, GETZCNT = 15, SETVAL = 16, SETALL = 17,
            SEM_STAT = 18, SEM_INFO = 19, SEM_STAT_ANY = 20;
    /** sizeof(struct semid64_ds), sizeof(struct seminfo). */
    static final int SEMID_DS_SIZE = 88, SEMINFO_SIZE = 40;

    private interface Command {
        long run(SyscallContext c, int id, int num, long arg);
    }

    private final SemSets sets;
    private final Command[] commands = new Command[SEM_STAT_ANY + 1];

    @Activate
    public SemctlCall(@Reference(name = "sets") SemSets sets) {
        this.sets = sets;
        commands[Ipc.IPC_RMID] = (c, id, num, arg) -> down(c, id, null);
        commands[Ipc.IPC_SET] = this::set;
        commands[Ipc.IPC_STAT] = (c, id, num, arg) -> IpcStat.stat(c, sets.ids().byId(id), arg, SEMID_DS_SIZE, false, 0,
                SemctlCall::fields);
        commands[Ipc.IPC_INFO] = (c, id, num, arg) -> info(c, arg, false);
        commands[SEM_INFO] = (c, id, num, arg) -> info(c, arg, true);
        commands[SEM_STAT] = (c, id, num, arg) -> IpcStat.statIndex(c, sets.ids(), id, arg, SEMID_DS_SIZE, false,
                SemctlCall::fields);
        commands[SEM_STAT_ANY] = (c, id, num, arg) -> IpcStat.statIndex(c, sets.ids(), id, arg, SEMID_DS_SIZE, true,
                SemctlCall::fields);
        commands[GETVAL] = (c, id, num, arg) -> read(c, id, num, s -> s.values[num]);
        commands[GETPID] = (c, id, num, arg) -> read(c, id, num, s -> s.pids[num]);
        commands[GETNCNT] = (c, id, num, arg) -> read(c, id, num, s -> s.waiting(num, false));
        commands[GETZCNT] = (c, id, num, arg) -> read(c, id, num, s -> s.waiting(num, true));
        commands[GETALL] = this::getAll;
        commands[SETALL] = this::setAll;
        commands[SETVAL] = this::setVal;
    }

    @Override
    public long invoke(SyscallContext c) {
        int id = (int) c.arg(0);
        int cmd = (int) c.arg(2);
        if (id < 0 || cmd < 0 || cmd >= commands.length || commands[cmd] == null) {
            return -Errno.EINVAL;
        }
        return commands[cmd].run(c, id, (int) c.arg(1), c.arg(3));
    }

    // The set with this id that caller may access (WRITE or READ), or null with the errno in err[0].
    private SemSet checked(SyscallContext c, int id, int access, long[] err) {
        SemSet s = sets.ids().byId(id);
        if (s == null) {
            err[0] = -Errno.EINVAL;
        } else if (!s.perm().allows(c.process(), access)) {
            err[0] = -Errno.EACCES;
            return null;
        }
        return s;
    }

    // GETVAL, GETPID, GETNCNT, GETZCNT: one semaphore's number.
    private long read(SyscallContext c, int id, int num, java.util.function.ToIntFunction<SemSet> what) {
        long[] err = new long[1];
        SemSet s = checked(c, id, Ipc.READ, err);
        if (s == null) {
            return err[0];
        }
        return num < 0 || num >= s.size() ? -Errno.EINVAL : what.applyAsInt(s);
    }

    // GETALL: every value as unsigned shorts at arg.
    private long getAll(SyscallContext c, int id, int num, long arg) {
        long[] err = new long[1];
        SemSet s = checked(c, id, Ipc.READ, err);
        if (s == null) {
            return err[0];
        }
        ByteBuffer b = Ipc.struct(2 * s.size());
        for (int v : s.values) {
            b.putShort((short) v);
        }
        return Ipc.write(c, arg, b) ? 0 : -Errno.EFAULT;
    }

    // SETALL: every value from the unsigned shorts at arg.
    private long setAll(SyscallContext c, int id, int num, long arg) {
        long[] err = new long[1];
        SemSet s = checked(c, id, Ipc.WRITE, err);
        if (s == null) {
            return err[0];
        }
        ByteBuffer in = Ipc.read(c, arg, 2 * s.size());
        if (in == null) {
            return -Errno.EFAULT;
        }
        int[] values = new int[s.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.getShort(2 * i) & 0xffff;
            if (values[i] > SemLimits.SEMVMX) {
                return -Errno.ERANGE;
            }
        }
        System.arraycopy(values, 0, s.values, 0, values.length);
        java.util.Arrays.fill(s.pids, c.process().pid());
        changed(c, s, -1);
        return 0;
    }

    // SETVAL: one value, arg's low int (checked before the set, as Linux).
    private long setVal(SyscallContext c, int id, int num, long arg) {
        int val = (int) arg;
        if (val < 0 || val > SemLimits.SEMVMX) {
            return -Errno.ERANGE;
        }
        SemSet s = sets.ids().byId(id);
        if (s == null || num < 0 || num >= s.size()) {
            return -Errno.EINVAL;
        }
        if (!s.perm().allows(c.process(), Ipc.WRITE)) {
            return -Errno.EACCES;
        }
        s.values[num] = val;
        s.pids[num] = c.process().pid();
        changed(c, s, num);
        return 0;
    }

    // After SETVAL (num) or SETALL (-1): adjustments cleared, ctime, waiters run again.
    private static void changed(SyscallContext c, SemSet s, int num) {
        s.clearUndo(num);
        s.ctime = Ipc.seconds(c);
        s.wakeAll();
    }


    // struct semid64_ds after its ipc64_perm (IPC_STAT, SEM_STAT, SEM_STAT_ANY).
    private static void fields(SemSet s, ByteBuffer b) {
        b.putLong(s.otime).putLong(s.ctime).putLong(s.size());
    }

    // IPC_INFO (the limits) and SEM_INFO (with what is in use): struct seminfo; answers the highest index.
    private long info(SyscallContext c, long buf, boolean inUse) {
        SemLimits l = sets.limits();
        ByteBuffer b = Ipc.struct(SEMINFO_SIZE);
        b.putInt(l.semmns()).putInt(l.semmni()).putInt(l.semmns()).putInt(l.semmns()).putInt(l.semmsl())
                .putInt(l.semopm()).putInt(l.semopm()).putInt(inUse ? sets.ids().inUse() : 20)
                .putInt(SemLimits.SEMVMX).putInt(inUse ? (int) sets.usedSems() : SemLimits.SEMVMX);
        if (!Ipc.write(c, buf, b)) {
            return -Errno.EFAULT;
        }
        return Math.max(0, sets.ids().maxIndex());
    }

    // IPC_SET: owner, group and mode bits from the user's struct semid64_ds.
    private long set(SyscallContext c, int id, int num, long arg) {
        ByteBuffer in = Ipc.read(c, arg, SEMID_DS_SIZE);
        return in == null ? -Errno.EFAULT : down(c, id, IpcPerm.readSettable(in));
    }

    // IPC_SET (owner given) and IPC_RMID (null): the owner, the creator or root only.
    private long down(SyscallContext c, int id, int[] owner) {
        SemSet s = sets.ids().byId(id);
        if (s == null) {
            return -Errno.EINVAL;
        }
        if (!s.perm().ownedBy(c.process())) {
            return -Errno.EPERM;
        }
        if (owner == null) {
            sets.remove(s);
        } else {
            s.perm().set(owner[0], owner[1], owner[2]);
            s.ctime = Ipc.seconds(c);
        }
        return 0;
    }
}
