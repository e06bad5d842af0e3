package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * rseq(rseq, len, flags, sig): restartable sequences are not supported;
 * ENOSYS on purpose, installed so that it is not reported as missing:
 * glibc registers one at start-up and carries on without it.
 */
public final class RseqCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        return -Errno.ENOSYS;
    }
}
