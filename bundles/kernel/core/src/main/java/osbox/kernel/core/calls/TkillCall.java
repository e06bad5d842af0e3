package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** tkill(tid, sig): sends sig to thread tid of any process (si_code SI_TKILL); EINVAL for tid &lt;= 0. */
public final class TkillCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if ((int) c.arg(0) <= 0) {
            return -Errno.EINVAL;       // a thread id, never a group
        }
        long r = c.signals().sendToThread(c.process(), 0, (int) c.arg(0), c.arg(1));
        return c.process().state() == ProcessState.ZOMBIE ? NO_RETURN : r;
    }
}
