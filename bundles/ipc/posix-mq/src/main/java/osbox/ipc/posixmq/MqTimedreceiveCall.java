package osbox.ipc.posixmq;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;

/**
 * mq_timedreceive(mqdes, msg, len, prio, abs_timeout): takes the oldest
 * message of the highest priority, copies it to msg and its priority to
 * *prio (when prio is not NULL), and answers its length. An empty queue
 * blocks the caller until a message comes or the absolute CLOCK_REALTIME
 * timeout passes (ETIMEDOUT); with O_NONBLOCK it answers EAGAIN. Errors:
 * the timeout (EFAULT, EINVAL), EBADF (also without read access),
 * EMSGSIZE (len below mq_msgsize), EFAULT (the message is then lost, as
 * on Linux).
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + MqConstants.MQ_TIMEDRECEIVE,
        SyscallHandler.NAME + "=mq_timedreceive",
        SyscallHandler.STATUS + "=partial: blocked receivers all wake when a message comes and race for it, "
                + "rather than the longest waiter getting it first"})
public final class MqTimedreceiveCall extends HandedOverCall implements SyscallHandler {
    private final MqNamespace namespace;

    /** The calls find their descriptions through the namespace (those of a previous revision too). */
    @Activate
    public MqTimedreceiveCall(@Reference(name = "namespace") MqNamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public long invoke(SyscallContext c) {
        long deadline = MqArgs.deadline(c, c.arg(4));
        if (deadline < 0) {
            return deadline;
        }
        MqFile f = namespace.file(c, c.arg(0));
        if (f == null || !f.readable) {
            return -Errno.EBADF;
        }
        MessageQueue q = f.queue;
        if (Long.compareUnsigned(c.arg(2), q.msgsize) < 0) {
            return -MqConstants.EMSGSIZE;
        }
        if (q.empty()) {
            return f.nonblocking() ? -Errno.EAGAIN : MqWait.block(c, q.receivers, deadline);
        }
        Message m = q.removeFirst();
        q.senders.wakeAll();
        q.pollers.wakeAll();
        if (!c.memory().write(c.arg(1), m.data(), 0, m.data().length)) {
            return -Errno.EFAULT;
        }
        if (c.arg(3) != 0 && !c.memory().writeInt(c.arg(3), m.priority())) {
            return -Errno.EFAULT;
        }
        return m.data().length;
    }
}
