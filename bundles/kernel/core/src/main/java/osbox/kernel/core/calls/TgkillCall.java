package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.kernel.core.proc.SigInfo;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** tgkill(tgid, tid, sig): with one thread per process, kill(tid, sig) when tgid matches. */
public final class TgkillCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if ((int) c.arg(0) <= 0 || (int) c.arg(1) <= 0) {
            return -Errno.EINVAL;       // thread ids, never a group
        }
        if (c.arg(0) != c.arg(1)) {
            return -Errno.ESRCH;
        }
        long r = c.signals().send(c.process(), c.arg(1), c.arg(2), SigInfo.SI_TKILL);
        return c.process().state() == ProcessState.ZOMBIE ? NO_RETURN : r;
    }
}
