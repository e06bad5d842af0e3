package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** munmap(addr, len): removes mappings in the range; addr must be page aligned. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.MUNMAP, SyscallHandler.NAME + "=munmap"})
public final class MunmapCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        long addr = c.arg(0);
        long len = c.arg(1);
        if ((addr & 0xfff) != 0 || len <= 0 || addr < 0 || addr + len > osbox.api.memory.AddressSpace.STACK_TOP) {
            return -Errno.EINVAL;
        }
        KernelCall.of(c).pcb().space.unmap(addr, len);
        return 0;
    }
}
