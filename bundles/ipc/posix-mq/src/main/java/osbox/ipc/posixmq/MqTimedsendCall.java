package osbox.ipc.posixmq;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;

/**
 * mq_timedsend(mqdes, msg, len, prio, abs_timeout): queues a message
 * behind those of its priority. A full queue blocks the caller until
 * there is room or the absolute CLOCK_REALTIME timeout passes
 * (ETIMEDOUT); with O_NONBLOCK it answers EAGAIN. A message arriving at
 * an empty queue with no receiver waiting fires the registered
 * notification. Errors in Linux's order: the timeout (EFAULT, EINVAL),
 * the priority (EINVAL), the descriptor (EBADF, also without write
 * access), the length (EMSGSIZE), the message (EFAULT).
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + MqConstants.MQ_TIMEDSEND,
        SyscallHandler.NAME + "=mq_timedsend",
        SyscallHandler.STATUS + "=partial: blocked senders all wake when room appears and race for it, "
                + "rather than the highest-priority waiter getting it first"})
public final class MqTimedsendCall extends HandedOverCall implements SyscallHandler {
    private final MqNamespace namespace;

    @Activate
    public MqTimedsendCall(@Reference(name = "namespace") MqNamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public long invoke(SyscallContext c) {
        long deadline = MqArgs.deadline(c, c.arg(4));
        if (deadline < 0) {
            return deadline;
        }
        long priority = c.arg(3) & 0xffff_ffffL;
        if (priority >= MqConstants.MQ_PRIO_MAX) {
            return -Errno.EINVAL;
        }
        MqFile f = namespace.file(c, c.arg(0));
        if (f == null || !f.writable) {
            return -Errno.EBADF;
        }
        MessageQueue q = f.queue;
        long len = c.arg(2);
        if (Long.compareUnsigned(len, q.msgsize) > 0) {
            return -MqConstants.EMSGSIZE;
        }
        byte[] data = new byte[(int) len];
        if (!c.memory().read(c.arg(1), data, 0, data.length)) {
            return -Errno.EFAULT;
        }
        if (q.full()) {
            return f.nonblocking() ? -Errno.EAGAIN : MqWait.block(c, q.senders, deadline);
        }
        boolean receiverWaiting = q.receivers.size() > 0;
        q.insert((int) priority, data);
        if (!receiverWaiting) {
            namespace.arrived(q, c.process());
        }
        q.receivers.wakeAll();
        q.pollers.wakeAll();
        return 0;
    }
}
