package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** set_tid_address(tidptr): remembers tidptr (cleared at exit) and returns the tid. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SET_TID_ADDRESS, SyscallHandler.NAME + "=set_tid_address"})
public final class SetTidAddressCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        KernelCall.of(c).pcb().clearChildTid = c.arg(0);
        return c.process().pid();
    }
}
