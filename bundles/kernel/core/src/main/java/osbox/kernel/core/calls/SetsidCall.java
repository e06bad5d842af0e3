package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** setsid(): the caller leads a new session and process group (its pid, returned); EPERM when a process group with its pid exists (it leads one). */
public final class SetsidCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        Process self = c.process();
        if (c.processes().groupExists(self.pid())) {
            return -Errno.EPERM;
        }
        self.newSession();
        return self.pid();
    }
}
