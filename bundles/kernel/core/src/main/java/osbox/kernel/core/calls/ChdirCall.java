package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.fs.Stat;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * chdir(path) and fchdir(fd): make a directory the working directory
 * (inherited at fork, kept across execve). ENOTDIR when it is no
 * directory; for chdir the walk's errors, for fchdir EBADF.
 */
public final class ChdirCall implements KernelSyscall {
    private final boolean byDescriptor;

    /** fchdir when {@code byDescriptor}, else chdir. */
    public ChdirCall(boolean byDescriptor) {
        this.byDescriptor = byDescriptor;
    }

    @Override
    public long invoke(SyscallFrame c) {
        Node n;
        if (byDescriptor) {
            var f = Fds.table(c).get(c.arg(0));
            if (f == null) {
                return -Errno.EBADF;
            }
            n = PathArgs.nodeOf(f);
        } else {
            PathArgs.Path path = PathArgs.read(c, c.arg(0));
            if (path.errno() != 0) {
                return -path.errno();
            }
            PathArgs.Found found = PathArgs.walk(c, PathArgs.AT_FDCWD, path.text(), true);
            if (found.errno() != 0) {
                return -found.errno();
            }
            n = found.node();
        }
        if (n == null || n.type() != Stat.S_IFDIR) {
            return -Errno.ENOTDIR;
        }
        c.process().setCwd(n);
        return 0;
    }
}
