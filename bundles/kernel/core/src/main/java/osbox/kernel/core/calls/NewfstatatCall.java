package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * newfstatat(dirfd, path, statbuf, flags): struct stat of what the path
 * names (AT_SYMLINK_NOFOLLOW: a last link itself; AT_EMPTY_PATH with "":
 * dirfd itself; AT_NO_AUTOMOUNT changes nothing; other flags EINVAL).
 */
public final class NewfstatatCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        FileStats.Result r = FileStats.at(c, (int) c.arg(0), c.arg(1), (int) c.arg(3),
                PathArgs.AT_SYMLINK_NOFOLLOW | PathArgs.AT_NO_AUTOMOUNT | PathArgs.AT_EMPTY_PATH);
        if (r.errno() != 0) {
            return -r.errno();
        }
        return c.memory().write(c.arg(2), StatBuffers.stat(r.stat()), 0, StatBuffers.STAT_SIZE) ? 0 : -Errno.EFAULT;
    }
}
