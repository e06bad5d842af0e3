package osbox.kernel.core.calls;

import static osbox.kernel.core.calls.SchedClass.SCHED_IDLE;
import static osbox.kernel.core.calls.SchedClass.SCHED_RESET_ON_FORK;

import osbox.api.kernel.Errno;
import osbox.kernel.core.futex.Futexes;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ResourceLimits;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * sched_setscheduler(pid, policy, param) and sched_setparam(pid, param)
 * (the same call keeping the thread's policy): thread pid (0: the caller)
 * takes the class and the {@code sched_priority} of *param, in Linux's
 * order of checks: EINVAL for a null param or a negative pid, EFAULT,
 * ESRCH, EINVAL for an unknown policy or a priority outside its range
 * (1..99 real-time, 0 otherwise), then EPERM as {@link SchedClass} says.
 */
public final class SchedSetschedulerCall implements KernelSyscall {
    private final boolean keepPolicy;

    /** sched_setscheduler, or sched_setparam with {@code keepPolicy}. */
    public SchedSetschedulerCall(boolean keepPolicy) {
        this.keepPolicy = keepPolicy;
    }

    @Override
    public long invoke(SyscallFrame c) {
        long pid = (int) c.arg(0);
        long requested = keepPolicy ? -1 : (int) c.arg(1);
        long param = c.arg(keepPolicy ? 1 : 2);
        if (requested < 0 && !keepPolicy || param == 0 || pid < 0) {
            return -Errno.EINVAL;
        }
        Integer priority = Futexes.readWord(c.memory(), param);
        if (priority == null) {
            return -Errno.EFAULT;
        }
        Process t = SchedClass.target(c, pid);
        if (t == null) {
            return -Errno.ESRCH;
        }
        boolean resetOnFork = keepPolicy ? t.resetOnFork() : (requested & SCHED_RESET_ON_FORK) != 0;
        int policy = keepPolicy ? t.schedPolicy() : (int) requested & ~SCHED_RESET_ON_FORK;
        if (!SchedClass.known(policy) || !SchedClass.validPriority(policy, priority)) {
            return -Errno.EINVAL;
        }
        if (!permitted(c.process(), t, policy, priority, resetOnFork)) {
            return -Errno.EPERM;
        }
        SchedClass.apply(c, t, policy, priority, resetOnFork, t.nice());
        return 0;
    }

    // Linux's user_check_sched_setscheduler: what a caller without CAP_SYS_NICE (euid 0 here) may do
    // (sched_setattr asks too).
    static boolean permitted(Process caller, Process t, int policy, int priority, boolean resetOnFork) {
        if (caller.credentials().privileged()) {
            return true;
        }
        if (SchedClass.realTime(policy)) {
            boolean rtAllowed = !SchedClass.withinLimit(t, ResourceLimits.RLIMIT_RTPRIO, 0);
            if (policy != t.schedPolicy() && !rtAllowed) {
                return false;       // no RLIMIT_RTPRIO: no way into a real-time class
            }
            if (priority > t.rtPriority() && !SchedClass.withinLimit(t, ResourceLimits.RLIMIT_RTPRIO, priority)) {
                return false;
            }
        }
        if (t.schedPolicy() == SCHED_IDLE && policy != SCHED_IDLE && !SchedClass.mayLowerNice(caller, t, t.nice())) {
            return false;
        }
        return SchedClass.mayChange(caller, t) && (resetOnFork || !t.resetOnFork());
    }
}
