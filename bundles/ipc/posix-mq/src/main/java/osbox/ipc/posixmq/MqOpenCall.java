package osbox.ipc.posixmq;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessView;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;

/**
 * mq_open(name, oflag, mode, attr): opens queue {@code name} (without
 * glibc's leading '/'), creating it under O_CREAT with mode less the
 * umask and attr's mq_maxmsg and mq_msgsize (or the defaults), and gives
 * a descriptor. Linux's errors: EEXIST (O_CREAT|O_EXCL), ENOENT, EINVAL
 * (attributes out of the limits, access mode 3 on an existing queue),
 * EACCES (mode against the caller's euid and egid; a bad name), ENOSPC
 * (queues_max), EMFILE (RLIMIT_MSGQUEUE, or no free descriptor),
 * ENAMETOOLONG, EFAULT.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + MqConstants.MQ_OPEN, SyscallHandler.NAME + "=mq_open",
        SyscallHandler.STATUS + "=partial: permissions use the effective uid and gid, not the supplementary "
                + "groups; RLIMIT_MSGQUEUE is the configured rlimit_msgqueue, not the caller's setrlimit"})
public final class MqOpenCall extends HandedOverCall implements SyscallHandler {
    private final MqNamespace namespace;

    @Activate
    public MqOpenCall(@Reference(name = "namespace") MqNamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public long invoke(SyscallContext c) {
        int oflag = (int) c.arg(1);
        long[] attr = null;
        if (c.arg(3) != 0) {
            attr = MqArgs.attr(c.memory(), c.arg(3));
            if (attr == null) {
                return -Errno.EFAULT;
            }
        }
        long[] error = new long[1];
        String name = MqArgs.name(c.memory(), c.arg(0), error);
        if (name == null) {
            return error[0];
        }
        int accmode = oflag & MqConstants.O_ACCMODE;
        ProcessView caller = c.process();
        MessageQueue q = namespace.lookup(name);
        boolean created = false;
        if (q == null) {
            if ((oflag & MqConstants.O_CREAT) == 0) {
                return -Errno.ENOENT;
            }
            int mode = (int) c.arg(2) & ~caller.umask() & 07777;
            q = namespace.create(name, mode, attr, caller, error);
            if (q == null) {
                return error[0];
            }
            created = true;
        } else {
            if ((oflag & (MqConstants.O_CREAT | MqConstants.O_EXCL)) == (MqConstants.O_CREAT | MqConstants.O_EXCL)) {
                return -Errno.EEXIST;
            }
            if (accmode == MqConstants.O_ACCMODE) {
                return -Errno.EINVAL;
            }
            if (!MqPermissions.permits(caller, q, accmode)) {
                return -Errno.EACCES;
            }
        }
        MqFile file = new MqFile(namespace, q, accmode, (oflag & MqConstants.O_NONBLOCK) != 0);
        long fd = c.installFile(file, (oflag & MqConstants.O_CLOEXEC) != 0);
        if (fd < 0 && created) {
            namespace.unlink(q);    // Linux takes the descriptor before it creates: no queue is left behind
        }
        return fd;
    }
}
