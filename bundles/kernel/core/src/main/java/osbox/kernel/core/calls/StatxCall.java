package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * statx(dirfd, path, flags, mask, statxbuf): struct statx of what the path
 * names, as newfstatat finds it (the sync-type flags accepted, both at
 * once EINVAL); every basic field is filled whatever the mask asks, and
 * stx_mask says so (no birth time); the reserved mask bit is EINVAL.
 */
public final class StatxCall implements KernelSyscall {
    static final int STATX_RESERVED = 0x80000000;

    @Override
    public long invoke(SyscallFrame c) {
        int flags = (int) c.arg(2);
        if ((flags & PathArgs.AT_STATX_SYNC_TYPE) == PathArgs.AT_STATX_SYNC_TYPE
                || ((int) c.arg(3) & STATX_RESERVED) != 0) {
            return -Errno.EINVAL;
        }
        FileStats.Result r = FileStats.at(c, (int) c.arg(0), c.arg(1), flags, PathArgs.AT_SYMLINK_NOFOLLOW
                | PathArgs.AT_NO_AUTOMOUNT | PathArgs.AT_EMPTY_PATH | PathArgs.AT_STATX_SYNC_TYPE);
        if (r.errno() != 0) {
            return -r.errno();
        }
        return c.memory().write(c.arg(4), StatBuffers.statx(r.stat()), 0, StatBuffers.STATX_SIZE) ? 0
                : -Errno.EFAULT;
    }
}
