package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** exit_group(status): ends the calling process with exit code status & 0xff. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.EXIT_GROUP, SyscallHandler.NAME + "=exit_group"})
public final class ExitGroupCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        KernelCall k = KernelCall.of(c);
        k.kernel().exit(k.pcb(), (int) c.arg(0));
        return NO_RETURN;
    }
}
