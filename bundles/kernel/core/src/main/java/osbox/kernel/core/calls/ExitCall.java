package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** exit(status): ends the calling thread; with one thread per process, the process. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.EXIT, SyscallHandler.NAME + "=exit"})
public final class ExitCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        KernelCall k = KernelCall.of(c);
        k.kernel().exit(k.pcb(), (int) c.arg(0));
        return NO_RETURN;
    }
}
