package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** getresuid(ruid, euid, suid): all three are root's (0); EFAULT at the first pointer that cannot be written. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETRESUID, SyscallHandler.NAME + "=getresuid",
        SyscallHandler.STATUS + "=full"})
public final class GetresuidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return RootIds.storeThree(c) ? 0 : -Errno.EFAULT;
    }
}
