package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.fs.Stat;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * faccessat(dirfd, path, mode) and faccessat2(dirfd, path, mode, flags):
 * whether the caller may reach the file as mode asks, checked as for root
 * (osbox's processes run as uid 0): F_OK and R_OK whenever the file
 * exists, X_OK for a directory or a file with an execute bit (else
 * EACCES), W_OK EROFS for everything but a device (the tree is read-only).
 * Mode bits beyond R_OK|W_OK|X_OK, and flags beyond AT_EACCESS,
 * AT_SYMLINK_NOFOLLOW and AT_EMPTY_PATH, are EINVAL.
 */
public final class FaccessatCall implements KernelSyscall {
    static final int F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4;

    private final boolean withFlags;

    /** faccessat2 when {@code withFlags} (the fourth argument counts), else faccessat. */
    public FaccessatCall(boolean withFlags) {
        this.withFlags = withFlags;
    }

    @Override
    public long invoke(SyscallFrame c) {
        int mode = (int) c.arg(2);
        int flags = withFlags ? (int) c.arg(3) : 0;
        if ((mode & ~(R_OK | W_OK | X_OK)) != 0
                || (flags & ~(PathArgs.AT_EACCESS | PathArgs.AT_SYMLINK_NOFOLLOW | PathArgs.AT_EMPTY_PATH)) != 0) {
            return -Errno.EINVAL;
        }
        PathArgs.Found found = PathArgs.lookup(c, (int) c.arg(0), c.arg(1), flags);
        if (found.errno() != 0) {
            return -found.errno();
        }
        Node n = found.node();
        if (n == null) {
            return 0;       // AT_EMPTY_PATH on a pipe or the terminal: they exist, and may be read and written
        }
        Stat s = n.stat();
        if (s == null) {
            return -Errno.ENOENT;
        }
        if ((mode & W_OK) != 0 && s.type() != Stat.S_IFCHR) {
            return -Errno.EROFS;
        }
        if ((mode & X_OK) != 0 && !s.isDirectory() && (s.mode() & 0111) == 0) {
            return -Errno.EACCES;
        }
        return 0;
    }
}
