package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.OpenFile;
import osbox.kernel.core.files.FileRef;
import osbox.kernel.core.files.FileTable;
import osbox.kernel.core.files.Pipe;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * pipe2(fds, flags): a pipe; its read and write ends go to the two lowest
 * free descriptors, stored at fds[0] and fds[1]; flags O_CLOEXEC and
 * O_NONBLOCK (others: EINVAL). Nothing stays open when it fails (EMFILE,
 * EFAULT).
 */
public final class Pipe2Call implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long flags = c.arg(1);
        if ((flags & ~(Fds.O_CLOEXEC | Fds.O_NONBLOCK)) != 0) {
            return -Errno.EINVAL;
        }
        boolean cloexec = (flags & Fds.O_CLOEXEC) != 0;
        Pipe pipe = c.files().newPipe();
        int status = (int) flags & OpenFile.O_NONBLOCK;
        FileRef r = c.files().wrap(pipe.readEnd(), OpenFile.O_RDONLY | status);
        FileRef w = c.files().wrap(pipe.writeEnd(), OpenFile.O_WRONLY | status);
        FileTable table = c.process().files();
        int rfd = table.install(r, 0, cloexec);
        if (rfd < 0) {
            r.file.release();
            w.file.release();
            return rfd;
        }
        int wfd = table.install(w, 0, cloexec);
        if (wfd < 0) {
            table.close(rfd);
            w.file.release();
            return wfd;
        }
        long fds = c.arg(0);
        if (!c.memory().writeInt(fds, rfd) || !c.memory().writeInt(fds + 4, wfd)) {
            table.close(rfd);
            table.close(wfd);
            return -Errno.EFAULT;
        }
        return 0;
    }
}
