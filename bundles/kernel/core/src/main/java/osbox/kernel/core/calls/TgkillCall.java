package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/** tgkill(tgid, tid, sig): with one thread per process, kill(tid, sig) when tgid matches. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.TGKILL, SyscallHandler.NAME + "=tgkill"})
public final class TgkillCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        if ((int) c.arg(0) <= 0 || (int) c.arg(1) <= 0) {
            return -Errno.EINVAL;       // thread ids, never a group
        }
        if (c.arg(0) != c.arg(1)) {
            return -Errno.ESRCH;
        }
        KernelCall k = KernelCall.of(c);
        long r = k.kernel().signal(k.pcb(), c.arg(1), c.arg(2));
        return k.pcb().state() == osbox.api.kernel.ProcessState.ZOMBIE ? NO_RETURN : r;
    }
}
