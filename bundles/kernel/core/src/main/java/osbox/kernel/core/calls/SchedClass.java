package osbox.kernel.core.calls;

import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.ResourceLimits;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * Linux's scheduling classes as the sched and nice calls see them, and
 * where they put a thread on the scale policies read
 * ({@link osbox.api.sched.SchedTask#priority()}, 0 most important): Linux's
 * own {@code prio}. A real-time thread (SCHED_FIFO, SCHED_RR) of
 * rt_priority p (1..99) gets 99 - p (0..98); SCHED_OTHER and SCHED_BATCH
 * get 120 + nice (100..139); SCHED_IDLE gets 139. The nice value itself is
 * what the {@code cfs} policy weighs. Per thread, as on Linux: pid 0 is the
 * caller, any other pid a thread id.
 *
 * <p>Permissions follow Linux with euid 0 standing for CAP_SYS_NICE: another
 * user's thread is refused (EPERM); lowering nice needs 20 - nice within
 * RLIMIT_NICE (setpriority: EACCES, the sched calls: EPERM); a real-time
 * policy needs RLIMIT_RTPRIO, and a raise above it the old rt_priority.
 */
final class SchedClass {
    static final int SCHED_OTHER = 0, SCHED_FIFO = 1, SCHED_RR = 2, SCHED_BATCH = 3, SCHED_IDLE = 5;
    /** Or'd into a policy: children and threads start at the default class. */
    static final int SCHED_RESET_ON_FORK = 0x40000000;
    /** The real-time priorities, 1..99. */
    static final int RT_MIN = 1, RT_MAX = 99;
    /** Linux's prio of nice 0 (MAX_RT_PRIO + 20) and the lowest prio (SCHED_IDLE's place here). */
    static final int NICE_0_PRIO = 120, LOWEST_PRIO = 139;

    private SchedClass() {
    }

    /** Whether policy is a class sched_setscheduler takes (SCHED_DEADLINE needs sched_setattr: not here). */
    static boolean known(int policy) {
        return policy == SCHED_OTHER || policy == SCHED_FIFO || policy == SCHED_RR || policy == SCHED_BATCH
                || policy == SCHED_IDLE;
    }

    /** Whether policy is a real-time class (its threads have an rt_priority of 1..99). */
    static boolean realTime(int policy) {
        return policy == SCHED_FIFO || policy == SCHED_RR;
    }

    /** Whether rtPriority is valid for policy: 1..99 for a real-time class, 0 for the others. */
    static boolean validPriority(int policy, long rtPriority) {
        return realTime(policy) ? rtPriority >= RT_MIN && rtPriority <= RT_MAX : rtPriority == 0;
    }

    /** The priority policies see for a thread of this class, rt_priority and nice (see the class comment). */
    static int priorityOf(int policy, int rtPriority, int nice) {
        if (realTime(policy)) {
            return RT_MAX - rtPriority;
        }
        return policy == SCHED_IDLE ? LOWEST_PRIO : NICE_0_PRIO + nice;
    }

    /** The thread pid names (0: the caller), or null when there is none (ESRCH). */
    static Process target(SyscallFrame c, long pid) {
        if (pid == 0) {
            return c.process();
        }
        return pid > 0 && pid <= Integer.MAX_VALUE ? c.processes().get((int) pid) : null;
    }

    /** Whether caller may change target at all: root, or target's uid or euid is caller's euid. */
    static boolean mayChange(Process caller, Process target) {
        return caller.credentials().privileged() || target.uid() == caller.euid() || target.euid() == caller.euid();
    }

    /** Whether caller may give target nice {@code nice} below its own: root, or 20 - nice within RLIMIT_NICE. */
    static boolean mayLowerNice(Process caller, Process target, int nice) {
        return caller.credentials().privileged() || withinLimit(target, ResourceLimits.RLIMIT_NICE, 20 - nice);
    }

    /** Whether value fits under target's soft limit of resource (infinity fits everything). */
    static boolean withinLimit(Process target, int resource, long value) {
        long soft = target.limits().soft(resource);
        return soft == ResourceLimits.INFINITY || Long.compareUnsigned(value, soft) <= 0;
    }

    /**
     * Gives t the class, rt_priority, reset-on-fork flag and nice (all
     * checked by the caller), its priority from them, and tells the
     * dispatcher, so a queued t is filed anew and a hart gives way if it must.
     */
    static void apply(SyscallFrame c, Process t, int policy, int rtPriority, boolean resetOnFork, int nice) {
        t.setScheduling(policy, rtPriority, resetOnFork, nice, priorityOf(policy, rtPriority, nice));
        c.dispatcher().priorityChanged(t);
    }
}
