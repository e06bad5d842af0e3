package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelCall;

/** setsid(): the caller leads a new session and process group (its pid, returned); EPERM when a process group with its pid exists (it leads one). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SETSID, SyscallHandler.NAME + "=setsid"})
public final class SetsidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        KernelCall k = KernelCall.of(c);
        Process self = k.pcb();
        if (k.kernel().table().groupExists(self.pid)) {
            return -Errno.EPERM;
        }
        self.newSession();
        return self.pid;
    }
}
