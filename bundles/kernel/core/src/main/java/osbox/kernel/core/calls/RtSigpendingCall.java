package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.SignalState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * rt_sigpending(set, sigsetsize): the pending signals that are blocked, the thread's own and its process's;
 * sigsetsize above 8 answers EINVAL.
 */
public final class RtSigpendingCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        long size = c.arg(1);
        if (Long.compareUnsigned(size, SignalSets.SIGSET_SIZE) > 0) {
            return -Errno.EINVAL;
        }
        SignalState s = c.process().signals();
        long set = s.pending() & s.blocked();
        byte[] b = new byte[(int) size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (set >>> (8 * i));
        }
        if (size > 0 && !(Fds.accessOk(c.arg(0), size) && c.memory().write(c.arg(0), b, 0, (int) size))) {
            return -Errno.EFAULT;
        }
        return 0;
    }
}
