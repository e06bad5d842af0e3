package osbox.ipc.sysv.msg;

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
 * msgctl(msqid, cmd, buf): IPC_STAT, IPC_SET, IPC_RMID and the ipcs
 * commands IPC_INFO, MSG_INFO, MSG_STAT and MSG_STAT_ANY, dispatched through
 * a table, with Linux's struct msqid64_ds and struct msginfo and its errno
 * (EINVAL, EACCES for STAT without read permission, EPERM for SET and RMID
 * by others than the owner, creator or root, and for an unprivileged
 * IPC_SET of qbytes over msgmnb; EFAULT).
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.MSGCTL, SyscallHandler.NAME + "=msgctl",
        SyscallHandler.STATUS + "=full"})
public final class MsgctlCall extends HandedOverCall implements SyscallHandler {
    /** The ipcs commands of msgctl. */
    static final int MSG_STAT = 11, MSG_INFO = 12, MSG_STAT_ANY = 13;
    /** sizeof(struct msqid64_ds), sizeof(struct msginfo). */
    static final int MSQID_DS_SIZE = 120, MSGINFO_SIZE = 32;
    /** MSGSSZ and MSGSEG, which msginfo reports. */
    static final int MSGSSZ = 16, MSGSEG = 0xffff;

    private interface Command {
        long run(SyscallContext c, int id, long buf);
    }

    private final MsgQueues queues;
    private final Command[] commands = new Command[MSG_STAT_ANY + 1];

    @Activate
    public MsgctlCall(@Reference(name = "queues") MsgQueues queues) {
        this.queues = queues;
        commands[Ipc.IPC_RMID] = this::remove;
        commands[Ipc.IPC_SET] = this::set;
        commands[Ipc.IPC_STAT] = (c, id, buf) -> IpcStat.stat(c, queues.ids().byId(id), buf, MSQID_DS_SIZE, false, 0,
                MsgctlCall::fields);
        commands[Ipc.IPC_INFO] = (c, id, buf) -> info(c, buf, false);
        commands[MSG_INFO] = (c, id, buf) -> info(c, buf, true);
        commands[MSG_STAT] = (c, id, buf) -> IpcStat.statIndex(c, queues.ids(), id, buf, MSQID_DS_SIZE, false,
                MsgctlCall::fields);
        commands[MSG_STAT_ANY] = (c, id, buf) -> IpcStat.statIndex(c, queues.ids(), id, buf, MSQID_DS_SIZE, true,
                MsgctlCall::fields);
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


    // struct msqid64_ds after its ipc64_perm (IPC_STAT, MSG_STAT, MSG_STAT_ANY).
    private static void fields(MsgQueue q, ByteBuffer b) {
        b.putLong(q.stime).putLong(q.rtime).putLong(q.ctime).putLong(q.cbytes).putLong(q.messages.size())
                .putLong(q.qbytes).putInt(q.lspid).putInt(q.lrpid);
    }

    // IPC_INFO (the limits) and MSG_INFO (what is in use): struct msginfo; answers the highest index in use.
    private long info(SyscallContext c, long buf, boolean inUse) {
        MsgLimits l = queues.limits();
        ByteBuffer b = Ipc.struct(MSGINFO_SIZE);
        long pool = inUse ? queues.ids().inUse() : (long) l.msgmni() * l.msgmnb() / 1024;
        long map = inUse ? queues.totalMessages() : l.msgmnb();
        long tql = inUse ? queues.totalBytes() : l.msgmnb();
        b.putInt((int) pool).putInt((int) map).putInt(l.msgmax()).putInt(l.msgmnb()).putInt(l.msgmni())
                .putInt(MSGSSZ).putInt((int) tql).putShort((short) MSGSEG);
        if (!Ipc.write(c, buf, b)) {
            return -Errno.EFAULT;
        }
        return Math.max(0, queues.ids().maxIndex());
    }

    // IPC_SET: owner, group, mode bits and qbytes from the user's struct msqid64_ds.
    private long set(SyscallContext c, int id, long buf) {
        ByteBuffer in = Ipc.read(c, buf, MSQID_DS_SIZE);
        if (in == null) {
            return -Errno.EFAULT;
        }
        MsgQueue q = queues.ids().byId(id);
        if (q == null) {
            return -Errno.EINVAL;
        }
        if (!q.perm().ownedBy(c.process())) {
            return -Errno.EPERM;
        }
        long qbytes = in.getLong(IpcPerm.SIZE + 40);
        if (qbytes > queues.limits().msgmnb() && c.process().euid() != 0) {
            return -Errno.EPERM;
        }
        int[] owner = IpcPerm.readSettable(in);
        q.perm().set(owner[0], owner[1], owner[2]);
        q.qbytes = qbytes;
        q.ctime = Ipc.seconds(c);
        // senders may fit in a larger queue; receivers look again under the new permissions
        q.senders.wakeAll();
        q.receivers.wakeAll();
        return 0;
    }

    // IPC_RMID: the queue and its messages go; every sleeper wakes to EIDRM.
    private long remove(SyscallContext c, int id, long buf) {
        MsgQueue q = queues.ids().byId(id);
        if (q == null) {
            return -Errno.EINVAL;
        }
        if (!q.perm().ownedBy(c.process())) {
            return -Errno.EPERM;
        }
        queues.ids().remove(q);
        q.messages.clear();
        q.cbytes = 0;
        q.senders.wakeAll();
        q.receivers.wakeAll();
        return 0;
    }
}
