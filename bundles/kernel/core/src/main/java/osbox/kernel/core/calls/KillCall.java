package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** kill(pid, sig): sends a signal with its default action (no handlers yet); sig 0 checks that pid exists. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.KILL, SyscallHandler.NAME + "=kill"})
public final class KillCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        KernelCall k = KernelCall.of(c);
        long r = k.kernel().signal(k.pcb(), c.arg(0), c.arg(1));
        return k.pcb().state() == osbox.api.kernel.ProcessState.ZOMBIE ? NO_RETURN : r;
    }
}
