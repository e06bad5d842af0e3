package osbox.ipc.epoll;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/** epoll_create1(flags): a new epoll instance; flags EPOLL_CLOEXEC (others: EINVAL); EMFILE. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + EpollCreate1Call.NUMBER,
        SyscallHandler.NAME + "=epoll_create1", SyscallHandler.STATUS + "=full"})
public final class EpollCreate1Call implements SyscallHandler {
    static final int NUMBER = 20;
    static final int EPOLL_CLOEXEC = OpenFile.O_CLOEXEC;

    private final Kernel kernel;
    private int nextId = 1;

    /** Makes each instance's wait queue through the kernel. */
    @Activate
    public EpollCreate1Call(@Reference(name = "kernel") Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public long invoke(SyscallContext c) {
        int flags = (int) c.arg(0);
        if ((flags & ~EPOLL_CLOEXEC) != 0) {
            return -Errno.EINVAL;
        }
        int id = nextId++;
        EpollFile e = new EpollFile(id, kernel.newWaitQueue("epoll " + id));
        return c.installFile(e, OpenFile.O_RDWR | flags);
    }
}
