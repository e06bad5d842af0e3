package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.SigInfo;
import osbox.kernel.core.proc.SignalDefaults;
import osbox.kernel.core.proc.SignalState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * rt_sigtimedwait(set, info, timeout, sigsetsize): takes a pending signal
 * of set (the synchronous ones first, then the lowest), stores its siginfo
 * at info (if given) and answers its number; otherwise sleeps until one
 * comes or the timeout (simulated time) passes: EAGAIN. A zero timeout
 * polls. Another signal delivered to a handler meanwhile answers EINTR.
 * sigsetsize other than 8 or a bad timespec answer EINVAL.
 */
public final class RtSigtimedwaitCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if (c.arg(3) != SignalSets.SIGSET_SIZE) {
            return -Errno.EINVAL;
        }
        long[] v = new long[1];
        if (!SignalSets.read(c, c.arg(0), v)) {
            return -Errno.EFAULT;
        }
        long these = v[0] & ~SignalState.UNBLOCKABLE;
        long timeout = c.arg(2);
        long cycles = -1;
        if (timeout != 0) {
            long[] t = SignalSets.readLongs(c, timeout, 2);
            if (t == null) {
                return -Errno.EFAULT;
            }
            if (t[0] < 0 || t[1] < 0 || t[1] > 999_999_999L) {
                return -Errno.EINVAL;
            }
            cycles = c.signals().timers().microsToCycles(t[0], 0) + t[1] * c.frequencyHz() / 1_000_000_000L;
        }
        SignalState s = c.process().signals();
        long ready = s.pending() & these;
        if (ready != 0) {
            long sync = ready & SignalDefaults.SYNCHRONOUS;
            int sig = Long.numberOfTrailingZeros(sync != 0 ? sync : ready) + 1;
            SigInfo info = s.dequeue(sig);
            s.setWaitSet(0);
            if (c.arg(1) != 0 && !(Fds.accessOk(c.arg(1), SigInfo.SIZE)
                    && c.memory().write(c.arg(1), info.bytes(), 0, SigInfo.SIZE))) {
                return -Errno.EFAULT;
            }
            return sig;
        }
        boolean again = c.woken() && s.waitSet() != 0;
        if (cycles == 0 || (again && cycles > 0 && c.now() >= c.process().sched().sleepDeadline())) {
            s.setWaitSet(0);
            return -Errno.EAGAIN;
        }
        s.setWaitSet(these);
        if (cycles > 0) {
            c.sleepUntil(again ? c.process().sched().sleepDeadline() : c.now() + cycles);
        } else {
            c.sleepOn(c.signals().signalWait(c.process()));
        }
        return RESTART;
    }
}
