package osbox.ipc.posixmq;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.ipc.sysv.common.HandedOverCall;

/**
 * mq_notify(mqdes, sevp): registers the calling process to be told when a
 * message arrives at the empty queue with no receiver waiting (one
 * process per queue: EBUSY; one-shot), or with sevp NULL removes the
 * caller's own registration. SIGEV_SIGNAL sends sigev_signo (none when
 * 0) with si_code SI_MESGQ, the sender's pid and uid and sigev_value;
 * SIGEV_NONE registers without telling. SIGEV_THREAD needs a netlink
 * socket, which osbox has not: the call answers as Linux does for a
 * descriptor that is not one (EBADF when it is not open, EINVAL for a
 * socket of another family, ENOTSOCK otherwise); glibc's mq_notify tries
 * to open its netlink socket first and answers ENOSYS without one.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + MqConstants.MQ_NOTIFY, SyscallHandler.NAME + "=mq_notify",
        SyscallHandler.STATUS + "=partial: SIGEV_THREAD answers as without a netlink socket (osbox has none); "
                + "a registration ends when its process exits, not when it closes one of its descriptors"})
public final class MqNotifyCall extends HandedOverCall implements SyscallHandler {
    private static final int NOTIFY_COOKIE_LEN = 32;
    private final MqNamespace namespace;

    @Activate
    public MqNotifyCall(@Reference(name = "namespace") MqNamespace namespace) {
        this.namespace = namespace;
    }

    @Override
    public long invoke(SyscallContext c) {
        long sevp = c.arg(1);
        byte[] sigevent = null;
        if (sevp != 0) {
            sigevent = new byte[MqConstants.SIGEVENT_SIZE];
            if (!c.memory().read(sevp, sigevent, 0, sigevent.length)) {
                return -Errno.EFAULT;
            }
            long checked = check(c, sigevent);
            if (checked != 0) {
                return checked;
            }
        }
        MqFile f = namespace.file(c, c.arg(0));
        if (f == null) {
            return -Errno.EBADF;
        }
        MessageQueue q = f.queue;
        int pid = c.process().pid();
        MessageQueue.Notification current = namespace.notification(q);
        if (sigevent == null) {
            if (current != null && current.pid() == pid) {
                q.setNotification(null);
            }
            return 0;
        }
        if (current != null) {
            return -Errno.EBUSY;
        }
        q.setNotification(new MessageQueue.Notification(pid, MqArgs.intAt(sigevent, 12), MqArgs.intAt(sigevent, 8),
                MqArgs.longAt(sigevent, 0)));
        return 0;
    }

    /**
     * Linux's checks of a sigevent before the descriptor's: sigev_notify
     * one of SIGEV_NONE, SIGEV_SIGNAL (with a signal 0..64), SIGEV_THREAD
     * (whose netlink socket osbox cannot have); 0 when it may be
     * registered, else the negative errno.
     */
    private static long check(SyscallContext c, byte[] sigevent) {
        int signo = MqArgs.intAt(sigevent, 8);
        int how = MqArgs.intAt(sigevent, 12);
        switch (how) {
            case MqConstants.SIGEV_NONE:
                return 0;
            case MqConstants.SIGEV_SIGNAL:
                return Integer.compareUnsigned(signo, MqConstants.NSIG) > 0 ? -Errno.EINVAL : 0;
            case MqConstants.SIGEV_THREAD: {
                byte[] cookie = new byte[NOTIFY_COOKIE_LEN];
                if (!c.memory().read(MqArgs.longAt(sigevent, 0), cookie, 0, cookie.length)) {
                    return -Errno.EFAULT;
                }
                OpenFile socket = c.file(signo);
                if (socket == null) {
                    return -Errno.EBADF;
                }
                return (socket.mode() & MqConstants.S_IFMT) == MqConstants.S_IFSOCK ? -Errno.EINVAL : -MqConstants.ENOTSOCK;
            }
            default:
                return -Errno.EINVAL;
        }
    }
}
