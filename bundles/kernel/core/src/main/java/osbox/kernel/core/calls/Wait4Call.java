package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Rusage;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * wait4(pid, wstatus, options, rusage): reaps a child (WNOHANG: do not sleep;
 * pid 0 or &lt; -1: a child in a process group), then stores its status and
 * rusage (the child's and its reaped descendants' use) when given: a store that fails answers EFAULT, the child
 * reaped all the same, as on Linux. options is an int; bits other than
 * WNOHANG, WUNTRACED, WCONTINUED and __WNOTHREAD/__WALL/__WCLONE answer
 * EINVAL.
 */
public final class Wait4Call implements KernelSyscall {
    static final long WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8, WALL_BITS = 0xe0000000L;

    @Override
    public long invoke(SyscallFrame c) {
        long options = c.arg(2) & 0xffff_ffffL; // an int: the upper half of the register is not looked at
        if ((options & ~(WNOHANG | WUNTRACED | WCONTINUED | WALL_BITS)) != 0) {
            return -Errno.EINVAL;
        }
        Rusage[] usage = new Rusage[1];
        long r = c.exits().waitChild(c, c.process(), c.arg(0), c.arg(1), (options & WNOHANG) != 0,
                (options & WUNTRACED) != 0, (options & WCONTINUED) != 0, usage);
        long rusage = c.arg(3);
        // as Linux's sys_wait4: the child is reaped first; a bad rusage pointer then answers EFAULT
        if (r > 0 && r != RESTART && rusage != 0 && usage[0] != null
                && !c.memory().write(rusage, usage[0].toBytes(c.frequencyHz()), 0, Rusage.SIZE)) {
            return -Errno.EFAULT;
        }
        return r;
    }
}
