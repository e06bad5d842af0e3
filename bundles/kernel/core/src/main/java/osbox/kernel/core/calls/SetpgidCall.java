package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ProcessTable;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * setpgid(pid, pgid): moves the caller or one of its children (pid 0: the
 * caller) to process group pgid (0: pid's own), as Linux: EINVAL for a
 * negative pgid, ESRCH when pid is neither, EPERM for a child in another
 * session, for a session leader, or for a group no process of the caller's
 * session is in. (Linux's EACCES for a child that has called execve is not
 * modelled.)
 */
public final class SetpgidCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        Process self = c.process();
        int pid = (int) c.arg(0);
        int pgid = (int) c.arg(1);
        if (pid == 0) {
            pid = self.pid();
        }
        if (pgid == 0) {
            pgid = pid;
        }
        if (pgid < 0) {
            return -Errno.EINVAL;
        }
        ProcessTable table = c.processes();
        Process p = pid > 0 ? table.get(pid) : null;
        if (p == null) {
            return -Errno.ESRCH;
        }
        if (p.ppid() == self.pid()) {
            if (p.sid() != self.sid()) {
                return -Errno.EPERM;
            }
        } else if (p != self) {
            return -Errno.ESRCH;
        }
        if (p.sid() == p.pid()) {
            return -Errno.EPERM;
        }
        if (pgid != p.pid() && !table.groupInSession(pgid, self.sid())) {
            return -Errno.EPERM;
        }
        p.setPgid(pgid);
        return 0;
    }
}
