package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** getegid(): 0. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETEGID, SyscallHandler.NAME + "=getegid",
        SyscallHandler.STATUS + "=full"})
public final class GetegidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return 0;
    }
}
