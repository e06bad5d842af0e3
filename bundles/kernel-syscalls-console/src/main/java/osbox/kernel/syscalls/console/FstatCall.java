package osbox.kernel.syscalls.console;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** fstat(fd, statbuf): the console descriptors are character devices. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.FSTAT, SyscallHandler.NAME + "=fstat"})
public final class FstatCall implements SyscallHandler {
    private final ConsoleFiles files;

    @Activate
    public FstatCall(@Reference ConsoleFiles files) {
        this.files = files;
    }

    @Override
    public long invoke(SyscallContext c) {
        if (!files.isOpen(c, c.arg(0))) {
            return -Errno.EBADF;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Calls.STAT_SIZE).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 0x16);                      // st_dev
        b.putLong(8, 3 + c.arg(0));              // st_ino
        b.putInt(16, Calls.S_IFCHR | 0620);      // st_mode
        b.putInt(20, 1);                         // st_nlink
        b.putLong(32, Calls.TTY_RDEV);           // st_rdev
        b.putInt(56, 1024);                      // st_blksize
        return c.memory().write(c.arg(1), b.array(), 0, Calls.STAT_SIZE) ? 0 : -Errno.EFAULT;
    }
}
