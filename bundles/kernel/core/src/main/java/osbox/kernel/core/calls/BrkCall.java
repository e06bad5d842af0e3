package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** brk(addr): moves the program break; returns the new break, or the old one when refused (Linux semantics). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.BRK, SyscallHandler.NAME + "=brk"})
public final class BrkCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        return KernelCall.of(c).pcb().space.brk(c.arg(0));
    }
}
