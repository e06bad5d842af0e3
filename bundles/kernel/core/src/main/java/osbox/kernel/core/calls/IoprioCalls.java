package osbox.kernel.core.calls;

import java.util.List;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * ioprio_set(which, who, ioprio) and ioprio_get(which, who), as Linux's
 * block/ioprio.c: the I/O priority (class &lt;&lt; 13 | level, class NONE 0,
 * RT 1, BE 2, IDLE 3, level 0..7 in the low three bits) is kept per
 * thread, inherited by fork and clone and kept by execve, and carried by
 * every block I/O the thread submits (the bfq policy weighs it).
 * IOPRIO_WHO_PROCESS names a thread (0: the caller), IOPRIO_WHO_PGRP a
 * process group, IOPRIO_WHO_USER a real uid (0: the caller's).
 */
public final class IoprioCalls {
    static final int WHO_PROCESS = 1, WHO_PGRP = 2, WHO_USER = 3;
    static final int CLASS_NONE = 0, CLASS_RT = 1, CLASS_BE = 2, CLASS_IDLE = 3;
    private static final int CLASS_SHIFT = 13, LEVEL_MASK = 7;
    private static final int SCHED_FIFO = 1, SCHED_RR = 2, SCHED_IDLE = 5;

    private IoprioCalls() {
    }

    /** ioprio_set. */
    public static KernelSyscall set() {
        return IoprioCalls::set;
    }

    /** ioprio_get. */
    public static KernelSyscall get() {
        return IoprioCalls::get;
    }

    static int ioClass(int ioprio) {
        return (ioprio >> CLASS_SHIFT) & 7;
    }

    /**
     * Linux's ioprio_check_cap: RT needs privilege (EPERM); NONE with a
     * level, and the classes above IDLE, are EINVAL.
     */
    static long check(Process caller, int ioprio) {
        int level = ioprio & LEVEL_MASK;
        return switch (ioClass(ioprio)) {
            case CLASS_RT -> caller.credentials().privileged() ? 0 : -Errno.EPERM;
            case CLASS_BE, CLASS_IDLE -> 0;
            case CLASS_NONE -> level != 0 ? -Errno.EINVAL : 0;
            default -> -Errno.EINVAL;
        };
    }

    // Sets the priority of every thread which/who names, stopping at the first refusal (EPERM: another
    // user's thread, unless privileged); ESRCH when none matched.
    private static long set(SyscallFrame c) {
        int ioprio = (int) c.arg(2);
        Process caller = c.process();
        long bad = check(caller, ioprio);
        if (bad != 0) {
            return bad;
        }
        List<Process> targets = targets(c, c.arg(0), (int) c.arg(1));
        if (targets == null) {
            return -Errno.EINVAL;
        }
        long r = -Errno.ESRCH;
        for (Process t : targets) {
            if (t.uid() != caller.euid() && t.uid() != caller.uid() && !caller.credentials().privileged()) {
                return -Errno.EPERM;
            }
            t.setIoPriority(ioprio);
            r = 0;
        }
        return r;
    }

    // A thread's raw value for WHO_PROCESS (0 when never set, as Linux 6's get_task_raw_ioprio); for a
    // group or user the best (lowest) effective value, where NONE counts as the class and level the
    // thread's scheduling class and nice give ((nice + 20) / 5).
    private static long get(SyscallFrame c) {
        long which = c.arg(0);
        List<Process> targets = targets(c, which, (int) c.arg(1));
        if (targets == null) {
            return -Errno.EINVAL;
        }
        long r = -Errno.ESRCH;
        for (Process t : targets) {
            int p = which == WHO_PROCESS ? t.ioPriority() : effective(t);
            r = r == -Errno.ESRCH ? p : Math.min(r, p);
        }
        return r;
    }

    // Linux's __get_task_ioprio: a priority of class NONE follows the scheduling class and nice.
    static int effective(Process t) {
        int p = t.ioPriority();
        if (ioClass(p) != CLASS_NONE) {
            return p;
        }
        int policy = t.schedPolicy();
        int cls = policy == SCHED_IDLE ? CLASS_IDLE : policy == SCHED_FIFO || policy == SCHED_RR ? CLASS_RT : CLASS_BE;
        return cls << CLASS_SHIFT | (t.nice() + 20) / 5;
    }

    // The threads which/who name, as setpriority's (the numbers are one more), or null for an unknown which.
    private static List<Process> targets(SyscallFrame c, long which, int who) {
        if (which < WHO_PROCESS || which > WHO_USER) {
            return null;
        }
        return NiceTargets.of(c, which - 1, who);
    }
}
