package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** getsid(pid): the session of pid (0: the caller); ESRCH when there is no such process. The launcher's session is 0. */
public final class GetsidCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        int pid = (int) c.arg(0);
        Process p = pid == 0 ? c.process() : pid > 0 ? c.processes().get(pid) : null;
        return p == null ? -Errno.ESRCH : p.sid();
    }
}
