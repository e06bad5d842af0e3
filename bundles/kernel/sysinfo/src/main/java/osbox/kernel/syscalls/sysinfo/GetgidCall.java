package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** getgid(): 0. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETGID, SyscallHandler.NAME + "=getgid",
        SyscallHandler.STATUS + "=full"})
public final class GetgidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return 0;
    }
}
