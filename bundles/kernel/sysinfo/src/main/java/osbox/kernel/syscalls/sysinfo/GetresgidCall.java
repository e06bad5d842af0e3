package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** getresgid(rgid, egid, sgid): all three are root's (0); EFAULT at the first pointer that cannot be written. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETRESGID, SyscallHandler.NAME + "=getresgid",
        SyscallHandler.STATUS + "=full"})
public final class GetresgidCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return RootIds.storeThree(c) ? 0 : -Errno.EFAULT;
    }
}
