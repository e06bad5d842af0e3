package osbox.kernel.core.calls;

import java.nio.charset.StandardCharsets;
import osbox.api.kernel.Errno;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * readlinkat(dirfd, path, buf, bufsiz): a symbolic link's text (a host
 * link's target as written, /proc/self/exe's program path), cut to bufsiz
 * bytes and without a NUL; EINVAL for bufsiz &lt;= 0 or a file that is no
 * link; an empty path reads dirfd itself (an O_PATH|O_NOFOLLOW descriptor
 * of a link; ENOENT otherwise).
 */
public final class ReadlinkatCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        int bufsiz = (int) c.arg(3);
        if (bufsiz <= 0) {
            return -Errno.EINVAL;
        }
        PathArgs.Path path = PathArgs.read(c, c.arg(1));
        if (path.errno() != 0) {
            return -path.errno();
        }
        Node n;
        int dirfd = (int) c.arg(0);
        if (path.text().isEmpty()) {
            FileRef f = dirfd == PathArgs.AT_FDCWD ? null : Fds.table(c).get(dirfd);
            if (dirfd != PathArgs.AT_FDCWD && f == null) {
                return -Errno.EBADF;
            }
            n = f == null ? c.process().cwd() : PathArgs.nodeOf(f);
        } else {
            PathArgs.Found found = PathArgs.walk(c, dirfd, path.text(), false);
            if (found.errno() != 0) {
                return -found.errno();
            }
            n = found.node();
        }
        String text = n == null ? null : n.readlink(c.process());
        if (text == null) {
            return path.text().isEmpty() ? -Errno.ENOENT : -Errno.EINVAL;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int len = Math.min(b.length, bufsiz);
        if (!Fds.accessOk(c.arg(2), len) || !c.memory().write(c.arg(2), b, 0, len)) {
            return -Errno.EFAULT;
        }
        return len;
    }
}
