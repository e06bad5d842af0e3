package osbox.ipc.sysv.msg;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;
import osbox.api.kernel.Syscalls;
import osbox.ipc.sysv.common.Ipc;

/**
 * msgrcv(msqid, msgp, msgsz, msgtyp, msgflg): takes a message off the
 * queue into {long mtype; char mtext[msgsz]} at msgp and answers the bytes
 * of text copied. msgtyp 0 takes the first message, &gt; 0 the first of
 * that type (of another type under MSG_EXCEPT), &lt; 0 the first of the
 * lowest type at most |msgtyp|. A longer message answers E2BIG and stays,
 * unless MSG_NOERROR cuts it. No message puts the caller to sleep on the
 * queue's receivers (ENOMSG under IPC_NOWAIT); IPC_RMID meanwhile answers
 * EIDRM, a signal EINTR. MSG_COPY is ENOSYS, as a Linux without
 * CONFIG_CHECKPOINT_RESTORE.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.MSGRCV, SyscallHandler.NAME + "=msgrcv",
        SyscallHandler.STATUS + "=partial: MSG_COPY is ENOSYS (Linux without CONFIG_CHECKPOINT_RESTORE)"})
public final class MsgrcvCall extends HandedOverCall implements SyscallHandler {
    /** msgrcv flags. */
    static final int MSG_NOERROR = 010000, MSG_EXCEPT = 020000, MSG_COPY = 040000;

    private final MsgQueues queues;

    @Activate
    public MsgrcvCall(@Reference(name = "queues") MsgQueues queues) {
        this.queues = queues;
    }

    @Override
    public long invoke(SyscallContext c) {
        int id = (int) c.arg(0);
        long msgp = c.arg(1);
        long size = c.arg(2);
        long msgtyp = c.arg(3);
        int flag = (int) c.arg(4);
        Object found = MsgCalls.queue(queues, c, id);
        if (id < 0 || size < 0) {
            return -Errno.EINVAL;
        }
        if ((flag & MSG_COPY) != 0) {
            return (flag & MSG_EXCEPT) != 0 || (flag & Ipc.IPC_NOWAIT) == 0 ? -Errno.EINVAL : -Errno.ENOSYS;
        }
        if (!(found instanceof MsgQueue q)) {
            return (Long) found;
        }
        if (!q.perm().allows(c.process(), Ipc.READ)) {
            return -Errno.EACCES;
        }
        int i = find(q, msgtyp, (flag & MSG_EXCEPT) != 0);
        if (i < 0) {
            if ((flag & Ipc.IPC_NOWAIT) != 0) {
                return -Errno.ENOMSG;
            }
            queues.sleepers().sleeping(c, q, Long.MAX_VALUE);
            c.sleepOn(q.receivers);
            return RESTART;
        }
        Message m = q.messages.get(i);
        if (size < m.text().length && (flag & MSG_NOERROR) == 0) {
            return -Errno.E2BIG;
        }
        q.take(i);
        q.rtime = Ipc.seconds(c);
        q.lrpid = c.process().pid();
        q.senders.wakeAll();
        int n = (int) Math.min(size, m.text().length);
        byte[] out = new byte[8 + n];
        java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(m.type());
        System.arraycopy(m.text(), 0, out, 8, n);
        // as Linux, the message is gone even when the copy out fails
        return c.memory().write(msgp, out, 0, out.length) ? n : -Errno.EFAULT;
    }

    /** The index of the message msgtyp (and MSG_EXCEPT) selects on q, or -1. */
    static int find(MsgQueue q, long msgtyp, boolean except) {
        long bound = msgtyp == Long.MIN_VALUE ? Long.MAX_VALUE : -msgtyp;
        int best = -1;
        for (int i = 0; i < q.messages.size(); i++) {
            long t = q.messages.get(i).type();
            if (msgtyp == 0 || (msgtyp > 0 && (t == msgtyp) != except)) {
                return i;
            }
            if (msgtyp < 0 && t <= bound && (best < 0 || t < q.messages.get(best).type())) {
                best = i;
            }
        }
        return best;
    }
}
