package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * tgkill(tgid, tid, sig): sends sig to thread tid of process tgid
 * (si_code SI_TKILL); EINVAL for an id &lt;= 0, ESRCH when tid is not a
 * live thread of tgid. The thread's own mask decides; a fatal default
 * action still ends the whole process.
 */
public final class TgkillCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if ((int) c.arg(0) <= 0 || (int) c.arg(1) <= 0) {
            return -Errno.EINVAL;       // thread ids, never a group
        }
        long r = c.signals().sendToThread(c.process(), (int) c.arg(0), (int) c.arg(1), c.arg(2));
        return c.process().state() == ProcessState.ZOMBIE ? NO_RETURN : r;
    }
}
