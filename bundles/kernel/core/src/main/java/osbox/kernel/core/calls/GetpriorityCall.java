package osbox.kernel.core.calls;

import java.util.List;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * getpriority(which, who): 20 - nice of the best (lowest) nice among the
 * threads {@link NiceTargets} names, so 1..40 (glibc turns it back into a
 * nice value); ESRCH when none matched, EINVAL for an unknown which.
 */
public final class GetpriorityCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        List<Process> targets = NiceTargets.of(c, (int) c.arg(0), (int) c.arg(1));
        if (targets == null) {
            return -Errno.EINVAL;
        }
        long best = -Errno.ESRCH;
        for (Process t : targets) {
            best = Math.max(best, 20 - t.nice());
        }
        return best;
    }
}
