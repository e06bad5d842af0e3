package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** fstat(fd, statbuf): fills struct stat (riscv64 layout, 128 bytes) from the open file. */
public final class FstatCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        var f = Fds.table(c).get(c.arg(0));
        if (f == null) {
            return -Errno.EBADF;
        }
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, 0x16);                 // st_dev
        b.putLong(8, f.inode);              // st_ino
        b.putInt(16, f.file.mode());        // st_mode
        b.putInt(20, 1);                    // st_nlink
        b.putLong(32, f.file.rdev());       // st_rdev
        b.putLong(48, f.file.size());       // st_size
        b.putInt(56, 4096);                 // st_blksize
        return c.memory().write(c.arg(1), b.array(), 0, 128) ? 0 : -Errno.EFAULT;
    }
}
