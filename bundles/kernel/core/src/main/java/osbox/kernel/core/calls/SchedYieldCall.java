package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** sched_yield(): gives the hart to the next ready process, if any. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.SCHED_YIELD, SyscallHandler.NAME + "=sched_yield"})
public final class SchedYieldCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        KernelCall k = KernelCall.of(c);
        k.kernel().dispatcher().yield(k.hartObject());
        return 0;
    }
}
