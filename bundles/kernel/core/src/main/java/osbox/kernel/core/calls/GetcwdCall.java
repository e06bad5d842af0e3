package osbox.kernel.core.calls;

import java.nio.charset.StandardCharsets;
import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * getcwd(buf, size): the working directory's path and a NUL; returns its
 * length with the NUL; ERANGE when size cannot hold it, EFAULT for a bad
 * buffer.
 */
public final class GetcwdCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        byte[] path = (c.process().cwd().path() + "\0").getBytes(StandardCharsets.UTF_8);
        if (Long.compareUnsigned(c.arg(1), path.length) < 0) {
            return -Errno.ERANGE;
        }
        if (!Fds.accessOk(c.arg(0), path.length) || !c.memory().write(c.arg(0), path, 0, path.length)) {
            return -Errno.EFAULT;
        }
        return path.length;
    }
}
