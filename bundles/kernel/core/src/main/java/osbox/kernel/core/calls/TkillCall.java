package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** tkill(tid, sig): kill(tid, sig) while processes have one thread. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.TKILL, SyscallHandler.NAME + "=tkill"})
public final class TkillCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        if ((int) c.arg(0) <= 0) {
            return -Errno.EINVAL;       // a thread id, never a group
        }
        KernelCall k = KernelCall.of(c);
        long r = k.kernel().signal(k.pcb(), c.arg(0), c.arg(1));
        return k.pcb().state() == osbox.api.kernel.ProcessState.ZOMBIE ? NO_RETURN : r;
    }
}
