package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * setrlimit(resource, rlim): sets the caller's limits of resource, in
 * Linux's order: EFAULT for a bad rlim, then do_prlimit's EINVAL (unknown
 * resource, soft above hard) and EPERM (a hard limit raised).
 */
public final class SetrlimitCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long[] next = Rlimits.read(c, c.arg(1));
        if (next == null) {
            return -Errno.EFAULT;
        }
        return Rlimits.prlimit(c, c.process(), c.arg(0) & 0xffff_ffffL, next, null);
    }
}
