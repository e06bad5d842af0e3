package osbox.ipc.posixmq;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;

/**
 * mq_unlink(name): removes the name; the queue lives on, messages and
 * all, until its last descriptor is closed. ENOENT when no such queue;
 * EPERM unless the caller is root or owns it (the queue directory is
 * sticky, so Linux's may_delete answers EPERM); the name's own errors as
 * mq_open's.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + MqConstants.MQ_UNLINK,
        SyscallHandler.NAME + "=mq_unlink", SyscallHandler.STATUS + "=full"})
public final class MqUnlinkCall extends HandedOverCall implements SyscallHandler {
    private final MqNamespace namespace;

    @Activate
    public MqUnlinkCall(@Reference(name = "namespace") MqNamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public long invoke(SyscallContext c) {
        long[] error = new long[1];
        String name = MqArgs.name(c.memory(), c.arg(0), error);
        if (name == null) {
            return error[0];
        }
        MessageQueue q = namespace.lookup(name);
        if (q == null) {
            return -Errno.ENOENT;
        }
        int euid = c.process().euid();
        if (euid != 0 && euid != q.uid) {
            return -Errno.EPERM;
        }
        namespace.unlink(q);
        return 0;
    }
}
