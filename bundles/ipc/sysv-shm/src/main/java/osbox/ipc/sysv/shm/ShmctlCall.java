package osbox.ipc.sysv.shm;

import java.nio.ByteBuffer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.ipc.sysv.common.HandedOverCall;
import osbox.ipc.sysv.common.Ipc;
import osbox.ipc.sysv.common.IpcStat;
import osbox.ipc.sysv.common.IpcPerm;

/**
 * shmctl(shmid, cmd, buf): IPC_STAT, IPC_SET, IPC_RMID (destruction at the
 * last detach, SHM_DEST meanwhile), the ipcs commands IPC_INFO, SHM_INFO,
 * SHM_STAT and SHM_STAT_ANY, and SHM_LOCK and SHM_UNLOCK, dispatched
 * through a table, with Linux's struct shmid64_ds, shminfo64 and shm_info
 * and its errno (EINVAL; EACCES for STAT without read permission; EPERM for
 * SET, RMID, LOCK and UNLOCK by others than the owner, creator or root;
 * EFAULT). SHM_LOCK only sets SHM_LOCKED: the pages stay swappable and
 * RLIMIT_MEMLOCK is not charged.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SHMCTL, SyscallHandler.NAME + "=shmctl",
        SyscallHandler.STATUS + "=partial: SHM_LOCK marks the segment SHM_LOCKED but does not pin its pages"})
public final class ShmctlCall extends HandedOverCall implements SyscallHandler {
    /** sizeof(struct shmid64_ds), sizeof(struct shminfo64), sizeof(struct shm_info) on riscv64. */
    static final int SHMID_DS_SIZE = 112, SHMINFO_SIZE = 72, SHM_INFO_SIZE = 48;

    private interface Command {
        long run(SyscallContext c, int id, long buf);
    }

    private final ShmSegments segments;
    private final Command[] commands = new Command[Shm.SHM_STAT_ANY + 1];

    @Activate
    public ShmctlCall(@Reference(name = "segments") ShmSegments segments) {
        this.segments = segments;
        commands[Ipc.IPC_RMID] = this::remove;
        commands[Ipc.IPC_SET] = this::set;
        commands[Ipc.IPC_STAT] = (c, id, buf) -> IpcStat.stat(c, segments.ids().byId(id), buf, SHMID_DS_SIZE, false, 0,
                ShmctlCall::fields);
        commands[Ipc.IPC_INFO] = (c, id, buf) -> limits(c, buf);
        commands[Shm.SHM_INFO] = (c, id, buf) -> usage(c, buf);
        commands[Shm.SHM_STAT] = (c, id, buf) -> IpcStat.statIndex(c, segments.ids(), id, buf, SHMID_DS_SIZE, false,
                ShmctlCall::fields);
        commands[Shm.SHM_STAT_ANY] = (c, id, buf) -> IpcStat.statIndex(c, segments.ids(), id, buf, SHMID_DS_SIZE, true,
                ShmctlCall::fields);
        commands[Shm.SHM_LOCK] = (c, id, buf) -> lock(c, id, true);
        commands[Shm.SHM_UNLOCK] = (c, id, buf) -> lock(c, id, false);
    }

    @Override
    public long invoke(SyscallContext c) {
        int id = (int) c.arg(0);
        int cmd = (int) c.arg(1);
        if (id < 0 || cmd < 0 || cmd >= commands.length || commands[cmd] == null) {
            return -Errno.EINVAL;
        }
        return commands[cmd].run(c, id, c.arg(2));
    }


    // struct shmid64_ds after its ipc64_perm (IPC_STAT, SHM_STAT, SHM_STAT_ANY); the key as ipcs sees it.
    private static void fields(ShmSegment s, ByteBuffer b) {
        b.putInt(0, s.key());
        b.putLong(s.size).putLong(s.atime).putLong(s.dtime).putLong(s.ctime).putInt(s.cpid).putInt(s.lpid)
                .putLong(s.attachments());
    }

    // IPC_INFO: struct shminfo64 (the limits); answers the highest index in use (0 when none).
    private long limits(SyscallContext c, long buf) {
        ShmLimits l = segments.limits();
        ByteBuffer b = Ipc.struct(SHMINFO_SIZE);
        b.putLong(l.shmmax()).putLong(l.shmmin()).putLong(l.shmmni()).putLong(l.shmmni()).putLong(l.shmall());
        return Ipc.write(c, buf, b) ? Math.max(0, segments.ids().maxIndex()) : -Errno.EFAULT;
    }

    // SHM_INFO: struct shm_info (what is in use, in pages); answers the highest index in use (0 when none).
    private long usage(SyscallContext c, long buf) {
        ByteBuffer b = Ipc.struct(SHM_INFO_SIZE);
        b.putInt(segments.ids().inUse()).putInt(0).putLong(segments.totalPages()).putLong(segments.residentPages())
                .putLong(segments.swappedPages()).putLong(0).putLong(0);
        return Ipc.write(c, buf, b) ? Math.max(0, segments.ids().maxIndex()) : -Errno.EFAULT;
    }

    // IPC_SET: owner, group and mode bits from the user's struct shmid64_ds.
    private long set(SyscallContext c, int id, long buf) {
        ByteBuffer in = Ipc.read(c, buf, SHMID_DS_SIZE);
        if (in == null) {
            return -Errno.EFAULT;
        }
        ShmSegment s = segments.ids().byId(id);
        if (s == null) {
            return -Errno.EINVAL;
        }
        if (!s.perm().ownedBy(c.process())) {
            return -Errno.EPERM;
        }
        int[] owner = IpcPerm.readSettable(in);
        s.perm().set(owner[0], owner[1], owner[2]);
        s.ctime = segments.seconds();
        return 0;
    }

    // IPC_RMID: the segment goes now, or at its last detach.
    private long remove(SyscallContext c, int id, long buf) {
        ShmSegment s = segments.ids().byId(id);
        if (s == null) {
            return -Errno.EINVAL;
        }
        if (!s.perm().ownedBy(c.process())) {
            return -Errno.EPERM;
        }
        segments.remove(s);
        return 0;
    }

    // SHM_LOCK, SHM_UNLOCK: the owner, creator or root sets or clears SHM_LOCKED.
    private long lock(SyscallContext c, int id, boolean on) {
        ShmSegment s = segments.ids().byId(id);
        if (s == null) {
            return -Errno.EINVAL;
        }
        if (!s.perm().ownedBy(c.process())) {
            return -Errno.EPERM;
        }
        s.perm().mode = on ? s.perm().mode | Shm.SHM_LOCKED : s.perm().mode & ~Shm.SHM_LOCKED;
        return 0;
    }
}
