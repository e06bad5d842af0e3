package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** getppid(): the parent's process id (0 for a process the launcher started). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETPPID, SyscallHandler.NAME + "=getppid"})
public final class GetppidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return c.process().ppid();
    }
}
