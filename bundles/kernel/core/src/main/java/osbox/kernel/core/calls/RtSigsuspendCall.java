package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.SignalState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * rt_sigsuspend(mask, sigsetsize): replaces the blocked mask with mask and
 * sleeps until a signal is delivered to a handler (or kills the process);
 * it then answers EINTR, and the old mask comes back when the handler
 * returns (it is the frame's uc_sigmask). sigsetsize other than 8: EINVAL.
 */
public final class RtSigsuspendCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if (c.arg(1) != SignalSets.SIGSET_SIZE) {
            return -Errno.EINVAL;
        }
        SignalState s = c.process().signals();
        if (!c.woken() || !s.suspended()) {
            long[] v = new long[1];
            if (!SignalSets.read(c, c.arg(0), v)) {
                return -Errno.EFAULT;
            }
            s.suspend(v[0]);
        }
        // woken for anything but a handled signal (a SIGCONT, an ignored signal): sleep on
        c.sleepOn(c.signals().signalWait(c.process()));
        return RESTART;
    }
}
