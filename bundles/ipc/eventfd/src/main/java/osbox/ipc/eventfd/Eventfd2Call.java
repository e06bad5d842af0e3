package osbox.ipc.eventfd;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Kernel;
import osbox.api.kernel.OpenFile;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;

/**
 * eventfd2(initval, flags): a new eventfd counting from initval (an
 * unsigned int), at the caller's lowest free descriptor. Flags:
 * EFD_SEMAPHORE (reads take 1), EFD_NONBLOCK (O_NONBLOCK on the new
 * description), EFD_CLOEXEC; any other bit is EINVAL. EMFILE with a full
 * table.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Eventfd2Call.NUMBER,
        SyscallHandler.NAME + "=eventfd2", SyscallHandler.STATUS + "=full"})
public final class Eventfd2Call implements SyscallHandler {
    /** eventfd2's number on riscv64 (asm-generic). */
    static final int NUMBER = 19;
    static final int EFD_SEMAPHORE = 1, EFD_NONBLOCK = OpenFile.O_NONBLOCK, EFD_CLOEXEC = OpenFile.O_CLOEXEC;

    private final Kernel kernel;
    private int nextId = 1;

    /** Makes each eventfd's wait queue through the kernel. */
    @Activate
    public Eventfd2Call(@Reference(name = "kernel") Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public long invoke(SyscallContext c) {
        long initial = c.arg(0) & 0xffff_ffffL;
        int flags = (int) c.arg(1);
        if ((flags & ~(EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC)) != 0) {
            return -Errno.EINVAL;
        }
        int id = nextId++;
        EventFd e = new EventFd(id, initial, (flags & EFD_SEMAPHORE) != 0,
                kernel.newWaitQueue("eventfd " + id));
        return c.installFile(e, OpenFile.O_RDWR | (flags & (EFD_NONBLOCK | EFD_CLOEXEC)));
    }
}
