package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.Signals;
import osbox.kernel.core.proc.SignalDefaults;
import osbox.kernel.core.proc.SignalState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * rt_sigaction(sig, act, oact, sigsetsize): riscv64's kernel sigaction is
 * {handler, flags, mask} (24 bytes, no sa_restorer). As Linux: sigsetsize
 * other than 8, a signal outside 1..64, or a new action for SIGKILL or
 * SIGSTOP answers EINVAL; unknown flag bits are dropped; setting a
 * disposition that ignores the signal discards it where pending.
 */
public final class RtSigactionCall implements KernelSyscall {
    /** The sa_flags bits Linux keeps (UAPI_SA_FLAGS): the SA_* flags, SA_UNSUPPORTED, SA_EXPOSE_TAGBITS. */
    static final long KNOWN_FLAGS = SignalState.SA_NOCLDSTOP | SignalState.SA_NOCLDWAIT | SignalState.SA_SIGINFO
            | SignalState.SA_ONSTACK | SignalState.SA_RESTART | SignalState.SA_NODEFER | SignalState.SA_RESETHAND
            | 0x400 | 0x800;

    @Override
    public long invoke(SyscallFrame c) {
        int sig = (int) c.arg(0);
        long act = c.arg(1);
        long oact = c.arg(2);
        if (c.arg(3) != SignalSets.SIGSET_SIZE) {
            return -Errno.EINVAL;
        }
        long[] v = act == 0 ? new long[3] : SignalSets.readLongs(c, act, 3);
        if (v == null) {
            return -Errno.EFAULT;
        }
        if (sig < 1 || sig > 64 || (act != 0 && (sig == Signals.SIGKILL || sig == Signals.SIGSTOP))) {
            return -Errno.EINVAL;
        }
        SignalState s = c.process().signals();
        long oldHandler = s.handler(sig);
        long oldFlags = s.flags(sig);
        long oldMask = s.actionMask(sig);
        if (act != 0) {
            s.setAction(sig, v[0], v[1] & KNOWN_FLAGS, v[2]);
            if (v[0] == SignalState.SIG_IGN
                    || (v[0] == SignalState.SIG_DFL && SignalDefaults.action(sig) == SignalDefaults.Action.IGNORE)) {
                s.discard(SignalState.bit(sig));
            }
        }
        if (oact != 0 && !(Fds.accessOk(oact, 24) && c.memory().writeLong(oact, oldHandler)
                && c.memory().writeLong(oact + 8, oldFlags) && c.memory().writeLong(oact + 16, oldMask))) {
            return -Errno.EFAULT;
        }
        return 0;
    }
}
