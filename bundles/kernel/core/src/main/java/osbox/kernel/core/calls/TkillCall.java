package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.kernel.core.proc.SigInfo;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** tkill(tid, sig): kill(tid, sig) while processes have one thread (si_code SI_TKILL). */
public final class TkillCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if ((int) c.arg(0) <= 0) {
            return -Errno.EINVAL;       // a thread id, never a group
        }
        long r = c.signals().send(c.process(), c.arg(0), c.arg(1), SigInfo.SI_TKILL);
        return c.process().state() == ProcessState.ZOMBIE ? NO_RETURN : r;
    }
}
