package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** getpid(): the caller's process id. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETPID, SyscallHandler.NAME + "=getpid"})
public final class GetpidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return c.process().pid();
    }
}
