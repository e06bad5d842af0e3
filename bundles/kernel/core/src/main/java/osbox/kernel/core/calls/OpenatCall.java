package osbox.kernel.core.calls;

import osbox.api.kernel.OpenFile;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.fs.Node;
import osbox.kernel.core.fs.OpenFlags;
import osbox.kernel.core.fs.Opened;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * openat(dirfd, path, flags, mode): opens a file of the namespace
 * ({@link osbox.kernel.core.fs.Namespace#open} checks the flags) at the
 * lowest free descriptor, close-on-exec with O_CLOEXEC. The mode only
 * matters when creating, which the read-only tree never does.
 */
public final class OpenatCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        PathArgs.Path path = PathArgs.read(c, c.arg(1));
        if (path.errno() != 0) {
            return -path.errno();
        }
        int flags = (int) c.arg(2);
        Node start = c.process().cwd();
        if (!path.text().startsWith("/") && !path.text().isEmpty()) {
            PathArgs.Found s = PathArgs.start(c, (int) c.arg(0));
            if (s.errno() != 0) {
                return -s.errno();
            }
            start = s.node();
        }
        Opened o = c.forkExec().namespace().open(c.process(), start, path.text(), flags);
        if (o.errno() != 0) {
            return -o.errno();
        }
        FileRef f = c.files().wrap(o.file(), flags | OpenFile.O_LARGEFILE);   // 64-bit Linux forces O_LARGEFILE
        int fd = Fds.table(c).install(f, 0, (flags & OpenFlags.O_CLOEXEC) != 0);
        if (fd < 0) {
            o.file().release();     // EMFILE: no descriptor took it
        }
        return fd;
    }
}
