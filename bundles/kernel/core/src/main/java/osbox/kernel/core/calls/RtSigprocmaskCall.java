package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.SignalState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * rt_sigprocmask(how, set, oset, sigsetsize): SIG_BLOCK, SIG_UNBLOCK or
 * SIG_SETMASK with set (SIGKILL and SIGSTOP are never blocked), then the
 * old mask to oset. sigsetsize other than 8 or an unknown how (with a
 * set) answers EINVAL. Signals the change unblocks are delivered as the
 * call returns.
 */
public final class RtSigprocmaskCall implements KernelSyscall {
    static final int SIG_BLOCK = 0, SIG_UNBLOCK = 1, SIG_SETMASK = 2;

    @Override
    public long invoke(SyscallFrame c) {
        int how = (int) c.arg(0);
        long set = c.arg(1);
        long oset = c.arg(2);
        if (c.arg(3) != SignalSets.SIGSET_SIZE) {
            return -Errno.EINVAL;
        }
        SignalState s = c.process().signals();
        long old = s.blocked();
        if (set != 0) {
            long[] v = new long[1];
            if (!SignalSets.read(c, set, v)) {
                return -Errno.EFAULT;
            }
            switch (how) {
                case SIG_BLOCK -> s.setBlocked(old | v[0]);
                case SIG_UNBLOCK -> s.setBlocked(old & ~v[0]);
                case SIG_SETMASK -> s.setBlocked(v[0]);
                default -> {
                    return -Errno.EINVAL;
                }
            }
        }
        if (oset != 0 && !SignalSets.write(c, oset, old)) {
            return -Errno.EFAULT;
        }
        return 0;
    }
}
