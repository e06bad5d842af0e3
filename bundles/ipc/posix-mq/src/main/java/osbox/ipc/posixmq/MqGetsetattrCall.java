package osbox.ipc.posixmq;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;

/**
 * mq_getsetattr(mqdes, newattr, oldattr): writes the queue's attributes
 * to *oldattr (mq_flags, the description's O_NONBLOCK; mq_maxmsg,
 * mq_msgsize, mq_curmsgs) and, when newattr is given, sets O_NONBLOCK
 * from its mq_flags, the only attribute that changes; other flags are
 * EINVAL. EBADF for a descriptor that is not a queue's; EFAULT.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + MqConstants.MQ_GETSETATTR,
        SyscallHandler.NAME + "=mq_getsetattr", SyscallHandler.STATUS + "=full"})
public final class MqGetsetattrCall extends HandedOverCall implements SyscallHandler {
    private final MqNamespace namespace;

    /** The calls find their descriptions through the namespace (those of a previous revision too). */
    @Activate
    public MqGetsetattrCall(@Reference(name = "namespace") MqNamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public long invoke(SyscallContext c) {
        long[] next = null;
        if (c.arg(1) != 0) {
            next = MqArgs.attr(c.memory(), c.arg(1));
            if (next == null) {
                return -Errno.EFAULT;
            }
            if ((next[0] & ~(long) MqConstants.O_NONBLOCK) != 0) {
                return -Errno.EINVAL;
            }
        }
        MqFile f = namespace.file(c, c.arg(0));
        if (f == null) {
            return -Errno.EBADF;
        }
        MessageQueue q = f.queue;
        long flags = f.nonblocking() ? MqConstants.O_NONBLOCK : 0;
        long curmsgs = q.count();
        if (next != null) {
            f.setNonblocking((next[0] & MqConstants.O_NONBLOCK) != 0);
        }
        if (c.arg(2) != 0 && !MqArgs.writeAttr(c.memory(), c.arg(2), flags, q.maxmsg, q.msgsize, curmsgs)) {
            return -Errno.EFAULT;
        }
        return 0;
    }
}
