package osbox.ipc.epoll;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * epoll_ctl(epfd, op, fd, event) in Linux's order of checks: the struct
 * epoll_event (u32 events, u64 data at offset 8) for ADD and MOD (EFAULT);
 * both descriptors (EBADF); a target that cannot be polled, a regular file
 * or directory (EPERM); epfd not an epoll instance or fd the same (EINVAL);
 * an instance added where it would watch itself or nest deeper than 4
 * (ELOOP); then ADD of a watched fd is EEXIST, DEL or MOD of another
 * ENOENT, an unknown op EINVAL.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + EpollCtlCall.NUMBER,
        SyscallHandler.NAME + "=epoll_ctl", SyscallHandler.STATUS + "=partial: EPOLLEXCLUSIVE and EPOLLWAKEUP are "
                + "accepted and ignored; an entry leaves when its descriptor is closed in the waiting process"})
public final class EpollCtlCall implements SyscallHandler {
    static final int NUMBER = 21;
    static final int ADD = 1, DEL = 2, MOD = 3;

    @Override
    public long invoke(SyscallContext c) {
        int op = (int) c.arg(1);
        int fd = (int) c.arg(2);
        int events = 0;
        long data = 0;
        if (op == ADD || op == MOD) {
            long[] v = new long[1];
            if (!c.memory().readLong(c.arg(3), v)) {
                return -Errno.EFAULT;
            }
            events = (int) v[0];
            if (!c.memory().readLong(c.arg(3) + 8, v)) {
                return -Errno.EFAULT;
            }
            data = v[0];
        }
        OpenFile epfd = c.file(c.arg(0));
        OpenFile target = c.file(c.arg(2));
        if (epfd == null || target == null) {
            return -Errno.EBADF;
        }
        int type = target.mode() & 0170000;
        if (type == OpenFile.S_IFREG || type == OpenFile.S_IFDIR) {
            return -Errno.EPERM;
        }
        if (!(epfd instanceof EpollFile ep) || epfd == target) {
            return -Errno.EINVAL;
        }
        if (op == ADD && target instanceof EpollFile inner && (inner == ep || inner.reaches(ep, 1))) {
            return -Errno.ELOOP;
        }
        Interest e = ep.entry(fd);
        if (e != null && e.file != target) {
            ep.remove(e);       // fd was closed and reused since: the old entry is gone (Linux keys by file too)
            e = null;
        }
        switch (op) {
            case ADD -> {
                if (e != null) {
                    return -Errno.EEXIST;
                }
                ep.add(fd, target, events, data);
            }
            case DEL -> {
                if (e == null) {
                    return -Errno.ENOENT;
                }
                ep.remove(e);
            }
            case MOD -> {
                if (e == null) {
                    return -Errno.ENOENT;
                }
                ep.modify(e, events, data);
            }
            default -> {
                return -Errno.EINVAL;
            }
        }
        return 0;
    }
}
