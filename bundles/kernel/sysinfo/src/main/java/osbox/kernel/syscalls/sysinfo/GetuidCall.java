package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** getuid(): every process runs as root (0) until users exist. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETUID, SyscallHandler.NAME + "=getuid",
        SyscallHandler.STATUS + "=full"})
public final class GetuidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return 0;
    }
}
