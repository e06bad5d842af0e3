package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * sched_get_priority_max(policy) and sched_get_priority_min(policy): 99
 * and 1 for SCHED_FIFO and SCHED_RR, 0 for SCHED_OTHER, BATCH, IDLE and
 * DEADLINE; EINVAL for any other policy.
 */
public final class SchedPriorityLimitCall implements KernelSyscall {
    private static final int SCHED_DEADLINE = 6;
    private final boolean max;

    /** sched_get_priority_max with {@code max}, sched_get_priority_min without. */
    public SchedPriorityLimitCall(boolean max) {
        this.max = max;
    }

    @Override
    public long invoke(SyscallFrame c) {
        int policy = (int) c.arg(0);
        if (SchedClass.realTime(policy)) {
            return max ? SchedClass.RT_MAX : SchedClass.RT_MIN;
        }
        return SchedClass.known(policy) || policy == SCHED_DEADLINE ? 0 : -Errno.EINVAL;
    }
}
