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
 * msgsnd(msqid, msgp, msgsz, msgflg): appends the message {long mtype;
 * char mtext[msgsz]} at msgp to the queue, in Linux's order of checks
 * (EFAULT for mtype, EINVAL for a size over msgmax or a type below 1,
 * EFAULT for the text, EINVAL for no such queue, EACCES without write
 * permission). A full queue (its bytes or its count over qbytes) puts the
 * caller to sleep on the queue's senders, or answers EAGAIN under
 * IPC_NOWAIT; IPC_RMID meanwhile answers EIDRM; a signal EINTR.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.MSGSND, SyscallHandler.NAME + "=msgsnd",
        SyscallHandler.STATUS + "=full"})
public final class MsgsndCall extends HandedOverCall implements SyscallHandler {
    private final MsgQueues queues;

    @Activate
    public MsgsndCall(@Reference(name = "queues") MsgQueues queues) {
        this.queues = queues;
    }

    @Override
    public long invoke(SyscallContext c) {
        int id = (int) c.arg(0);
        long msgp = c.arg(1);
        long size = c.arg(2);
        int flag = (int) c.arg(3);
        Object found = MsgCalls.queue(queues, c, id);
        byte[] type = new byte[8];
        if (!c.memory().read(msgp, type, 0, 8)) {
            return -Errno.EFAULT;
        }
        long mtype = java.nio.ByteBuffer.wrap(type).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        if (size < 0 || size > queues.limits().msgmax() || id < 0 || mtype < 1) {
            return -Errno.EINVAL;
        }
        byte[] text = new byte[(int) size];
        if (!c.memory().read(msgp + 8, text, 0, text.length)) {
            return -Errno.EFAULT;
        }
        if (!(found instanceof MsgQueue q)) {
            return (Long) found;
        }
        if (!q.perm().allows(c.process(), Ipc.WRITE)) {
            return -Errno.EACCES;
        }
        if (!q.fits(size)) {
            if ((flag & Ipc.IPC_NOWAIT) != 0) {
                return -Errno.EAGAIN;
            }
            queues.sleepers().sleeping(c, q, Long.MAX_VALUE);
            c.sleepOn(q.senders);
            return RESTART;
        }
        q.append(new Message(mtype, text));
        q.lspid = c.process().pid();
        q.stime = Ipc.seconds(c);
        q.receivers.wakeAll();
        return 0;
    }
}
