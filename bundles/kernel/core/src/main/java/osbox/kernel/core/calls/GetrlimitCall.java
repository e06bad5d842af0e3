package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** getrlimit(resource, rlim): the caller's limits of resource; EINVAL for an unknown one, EFAULT for a bad rlim. */
public final class GetrlimitCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long[] old = new long[2];
        int e = Rlimits.prlimit(c, c.process(), c.arg(0) & 0xffff_ffffL, null, old);
        if (e != 0) {
            return e;
        }
        return Rlimits.write(c, c.arg(1), old) ? 0 : -Errno.EFAULT;
    }
}
