package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * prlimit64(pid, resource, new, old): gets and sets the limits of pid (0:
 * the caller); a null new or old pointer skips that half. Linux's order:
 * EFAULT reading new, ESRCH for no such process, then do_prlimit's EINVAL
 * and EPERM, then EFAULT writing old (the new limits stay set then). Every
 * process is the same user's, so any may change another's limits.
 */
public final class Prlimit64Call implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        int pid = (int) c.arg(0);
        long newAddr = c.arg(2);
        long oldAddr = c.arg(3);
        long[] next = null;
        if (newAddr != 0) {
            next = Rlimits.read(c, newAddr);
            if (next == null) {
                return -Errno.EFAULT;
            }
        }
        Process p = pid == 0 ? c.process() : pid > 0 ? c.processes().get(pid) : null;
        if (p == null) {
            return -Errno.ESRCH;
        }
        long[] old = oldAddr != 0 ? new long[2] : null;
        int e = Rlimits.prlimit(c, p, c.arg(1) & 0xffff_ffffL, next, old);
        if (e != 0) {
            return e;
        }
        return old == null || Rlimits.write(c, oldAddr, old) ? 0 : -Errno.EFAULT;
    }
}
