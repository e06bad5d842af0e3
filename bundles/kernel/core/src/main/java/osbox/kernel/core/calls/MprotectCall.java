package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** mprotect(addr, len, prot): changes permissions of mapped pages; ENOMEM where nothing is mapped. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.MPROTECT, SyscallHandler.NAME + "=mprotect"})
public final class MprotectCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        long addr = c.arg(0);
        long len = c.arg(1);
        int prot = (int) c.arg(2);
        if ((addr & 0xfff) != 0 || len < 0 || (prot & ~7) != 0) {
            return -Errno.EINVAL;
        }
        if (len == 0) {
            return 0;
        }
        return KernelCall.of(c).pcb().space.protect(addr, len, Prot.of(prot)) ? 0 : -Errno.ENOMEM;
    }
}
