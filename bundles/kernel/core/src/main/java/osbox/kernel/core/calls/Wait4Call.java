package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.syscall.KernelCall;

/**
 * wait4(pid, wstatus, options, rusage): reaps a child (WNOHANG: do not sleep;
 * pid 0 or &lt; -1: a child in a process group), then stores its status and
 * rusage (zeroed) when given: a store that fails answers EFAULT, the child
 * reaped all the same, as on Linux.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.WAIT4, SyscallHandler.NAME + "=wait4"})
public final class Wait4Call implements SyscallHandler {
    static final long WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8, WALL_BITS = 0xe0000000L;

    @Override
    public long invoke(SyscallContext c) {
        long options = c.arg(2);
        if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | WALL_BITS)) != 0) {
            return -Errno.EINVAL;
        }
        KernelCall k = KernelCall.of(c);
        long r = k.kernel().waitChild(k, k.pcb(), c.arg(0), c.arg(1), (options & WNOHANG) != 0);
        long rusage = c.arg(3);
        // as Linux's sys_wait4: the child is reaped first; a bad rusage pointer then answers EFAULT
        if (r > 0 && r != RESTART && rusage != 0 && !c.memory().write(rusage, new byte[144], 0, 144)) {
            return -Errno.EFAULT;
        }
        return r;
    }
}
