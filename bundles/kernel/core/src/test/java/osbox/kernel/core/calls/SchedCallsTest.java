package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * The scheduling calls glibc's pthread priority API makes, per thread:
 * sched_setscheduler, sched_setparam, sched_getscheduler, sched_getparam,
 * sched_get_priority_max/min, sched_setattr/getattr, setpriority and getpriority, with Linux's
 * errno and permissions, and the priority they give policies (Linux's prio:
 * 99 - rt_priority real-time, 120 + nice otherwise).
 */
class SchedCallsTest {
    private static final int SETPARAM = AbiNumbers.SCHED_SETPARAM, SETSCHEDULER = AbiNumbers.SCHED_SETSCHEDULER,
            GETSCHEDULER = AbiNumbers.SCHED_GETSCHEDULER, GETPARAM = AbiNumbers.SCHED_GETPARAM,
            MAX = AbiNumbers.SCHED_GET_PRIORITY_MAX, MIN = AbiNumbers.SCHED_GET_PRIORITY_MIN,
            SETPRIORITY = AbiNumbers.SETPRIORITY, GETPRIORITY = AbiNumbers.GETPRIORITY;
    private static final int OTHER = SchedClass.SCHED_OTHER, FIFO = SchedClass.SCHED_FIFO, RR = SchedClass.SCHED_RR,
            IDLE = SchedClass.SCHED_IDLE, RESET = SchedClass.SCHED_RESET_ON_FORK;
    private final KernelBench k = new KernelBench();
    private Process main;
    private long page;
    private long param;

    @BeforeEach
    void start() throws Exception {
        main = k.spawn("sched");
        page = k.map(main, 2);
        param = page + 512;
    }

    private Process newThread() {
        long tid = k.call(main, Syscalls.CLONE, ThreadsTest.PTHREAD_FLAGS, 0, page, 0, page);
        k.settle();
        return k.process(tid);
    }

    // sched_setscheduler(pid, policy, &{priority}) by caller.
    private long setScheduler(Process caller, long pid, int policy, int priority) {
        caller.userMemory().writeInt(param, priority);
        return k.call(caller, SETSCHEDULER, pid, policy, param);
    }

    @Test
    void priorityRangesAreLinuxs() {
        assertEquals(99, k.call(main, MAX, FIFO));
        assertEquals(1, k.call(main, MIN, RR));
        assertEquals(0, k.call(main, MAX, OTHER));
        assertEquals(0, k.call(main, MIN, IDLE));
        assertEquals(0, k.call(main, MAX, 6), "SCHED_DEADLINE");
        assertEquals(-Errno.EINVAL, k.call(main, MAX, 4));
        assertEquals(-Errno.EINVAL, k.call(main, MIN, -1));
    }

    @Test
    void aThreadsClassAndPriorityAreItsOwnAndMapOntoLinuxsPrio() {
        Process t = newThread();
        assertEquals(OTHER, k.call(main, GETSCHEDULER, t.tid()));
        assertEquals(0, setScheduler(main, t.tid(), FIFO, 10));
        assertEquals(FIFO, k.call(main, GETSCHEDULER, t.tid()));
        assertEquals(0, k.call(main, GETPARAM, t.tid(), param));
        assertEquals(10, k.intAt(main, param));
        assertEquals(89, t.priority(), "99 - rt_priority");
        assertEquals(OTHER, k.call(main, GETSCHEDULER, 0), "the caller's own class is untouched");

        main.userMemory().writeInt(param, 50);
        assertEquals(0, k.call(t, SETPARAM, 0, param), "sched_setparam keeps the class");
        assertEquals(FIFO, k.call(t, GETSCHEDULER, 0));
        assertEquals(49, t.priority());

        assertEquals(0, setScheduler(t, 0, RR, 99));
        assertEquals(0, t.priority(), "the most important");
        assertEquals(0, setScheduler(main, t.tid(), IDLE, 0));
        assertEquals(139, t.priority());
        assertEquals(0, setScheduler(main, t.tid(), OTHER, 0));
        assertEquals(120, t.priority(), "120 + nice");
        assertEquals(0, k.call(main, GETPARAM, t.tid(), param));
        assertEquals(0, k.intAt(main, param));
    }

    @Test
    void badArgumentsAnswerLinuxsErrnoInItsOrder() {
        assertEquals(-Errno.EINVAL, setScheduler(main, -1, FIFO, 10), "negative pid");
        assertEquals(-Errno.EINVAL, k.call(main, SETSCHEDULER, 0, FIFO, 0), "null param");
        assertEquals(-Errno.EINVAL, setScheduler(main, 0, -1, 10), "negative policy");
        assertEquals(-Errno.EFAULT, k.call(main, SETSCHEDULER, 0, FIFO, 8), "unreadable param");
        assertEquals(-Errno.ESRCH, setScheduler(main, 4000, 4, 10), "ESRCH before the policy is looked at");
        assertEquals(-Errno.EINVAL, setScheduler(main, 0, 4, 0), "no policy 4");
        assertEquals(-Errno.EINVAL, setScheduler(main, 0, 6, 0), "SCHED_DEADLINE needs sched_setattr");
        assertEquals(-Errno.EINVAL, setScheduler(main, 0, FIFO, 0), "real-time priorities are 1..99");
        assertEquals(-Errno.EINVAL, setScheduler(main, 0, RR, 100));
        assertEquals(-Errno.EINVAL, setScheduler(main, 0, OTHER, 5), "the others take 0");
        assertEquals(-Errno.EINVAL, k.call(main, GETSCHEDULER, -1));
        assertEquals(-Errno.ESRCH, k.call(main, GETSCHEDULER, 4000));
        assertEquals(-Errno.EINVAL, k.call(main, GETPARAM, 0, 0));
        assertEquals(-Errno.ESRCH, k.call(main, GETPARAM, 4000, param));
        assertEquals(-Errno.EFAULT, k.call(main, GETPARAM, 0, 8));
        assertEquals(-Errno.EINVAL, k.call(main, SETPRIORITY, 3, 0, 0));
        assertEquals(-Errno.ESRCH, k.call(main, GETPRIORITY, 0, 4000));
        assertEquals(OTHER, k.call(main, GETSCHEDULER, 0), "nothing changed");
    }

    @Test
    void resetOnForkGivesNewThreadsTheDefaultClass() {
        assertEquals(0, setScheduler(main, 0, FIFO | RESET, 30));
        assertEquals(FIFO | RESET, k.call(main, GETSCHEDULER, 0));
        Process t = newThread();
        assertEquals(OTHER, k.call(main, GETSCHEDULER, t.tid()));
        assertEquals(120, t.priority());
        assertEquals(69, main.priority());
    }

    @Test
    void niceIsPerThreadAndGetpriorityAnswersTwentyMinusTheBest() {
        Process t = newThread();
        assertEquals(0, k.call(main, SETPRIORITY, NiceTargets.PRIO_PROCESS, t.tid(), 5));
        assertEquals(5, t.nice());
        assertEquals(125, t.priority(), "a normal thread: 120 + nice");
        assertEquals(0, main.nice(), "the other thread keeps its own");
        assertEquals(15, k.call(main, GETPRIORITY, NiceTargets.PRIO_PROCESS, t.tid()));
        assertEquals(20, k.call(main, GETPRIORITY, NiceTargets.PRIO_PGRP, 0), "the best of the group");
        assertEquals(0, k.call(main, SETPRIORITY, NiceTargets.PRIO_USER, 0, 100), "clamped");
        assertEquals(19, main.nice());
        assertEquals(19, t.nice());
        assertEquals(1, k.call(main, GETPRIORITY, NiceTargets.PRIO_USER, 0));

        assertEquals(0, setScheduler(main, t.tid(), FIFO, 20));
        assertEquals(0, k.call(main, SETPRIORITY, NiceTargets.PRIO_PROCESS, t.tid(), -3));
        assertEquals(79, t.priority(), "nice does not move a real-time thread");
        assertEquals(-3, t.nice());
    }

    @Test
    void anUnprivilegedThreadMayNotRaiseItsPriorityBeyondItsLimitsNorTouchAnotherUsers() throws Exception {
        Process root = k.spawn("other");
        assertEquals(0, setScheduler(main, 0, FIFO, 30), "root may");
        assertEquals(0, k.call(main, AbiNumbers.SETRESUID, 1000, 1000, 1000));
        assertEquals(0, k.call(main, SETPRIORITY, NiceTargets.PRIO_PROCESS, 0, 10), "a higher nice is free");
        assertEquals(-Errno.EACCES, k.call(main, SETPRIORITY, NiceTargets.PRIO_PROCESS, 0, 5), "RLIMIT_NICE is 0");
        assertEquals(10, main.nice());
        assertEquals(-Errno.EPERM, k.call(main, SETPRIORITY, NiceTargets.PRIO_PROCESS, root.tid(), 15));
        assertEquals(-Errno.EPERM, setScheduler(main, root.tid(), OTHER, 0), "another user's");
        assertEquals(0, setScheduler(main, 0, FIFO, 10), "a lower real-time priority is free");
        assertEquals(-Errno.EPERM, setScheduler(main, 0, FIFO, 20), "above both the old one and RLIMIT_RTPRIO");
        assertEquals(89, main.priority());
        assertEquals(0, setScheduler(main, 0, OTHER, 0));
        assertEquals(-Errno.EPERM, setScheduler(main, 0, RR, 1), "RLIMIT_RTPRIO 0: no way back in");
        assertEquals(130, main.priority());
    }

    // sched_attr at param's page: size, policy, flags, nice, priority, the rest 0.
    private void attr(int size, int policy, long flags, int nice, int priority) {
        long a = page + 1024;
        for (int i = 0; i < 64; i += 8) {
            main.userMemory().writeLong(a + i, 0);
        }
        main.userMemory().writeInt(a, size);
        main.userMemory().writeInt(a + 4, policy);
        main.userMemory().writeLong(a + 8, flags);
        main.userMemory().writeInt(a + 16, nice);
        main.userMemory().writeInt(a + 20, priority);
    }

    @Test
    void schedSetattrAndGetattrCarryClassPriorityAndNiceInOneStruct() {
        Process t = newThread();
        long a = page + 1024;
        attr(48, OTHER, 0, 7, 0);
        assertEquals(0, k.call(main, AbiNumbers.SCHED_SETATTR, t.tid(), a, 0));
        assertEquals(7, t.nice());
        assertEquals(127, t.priority());
        attr(0, FIFO, SchedAttrCalls.RESET_ON_FORK, 0, 40);
        assertEquals(0, k.call(main, AbiNumbers.SCHED_SETATTR, t.tid(), a, 0), "size 0: the first version");
        assertEquals(59, t.priority());
        assertEquals(FIFO | RESET, k.call(main, GETSCHEDULER, t.tid()));
        assertEquals(0, k.call(main, AbiNumbers.SCHED_GETATTR, t.tid(), a, 64, 0));
        assertEquals(56, k.intAt(main, a), "the size Linux fills");
        assertEquals(FIFO, k.intAt(main, a + 4));
        assertEquals(1, k.intAt(main, a + 8), "SCHED_FLAG_RESET_ON_FORK");
        assertEquals(40, k.intAt(main, a + 20));

        attr(47, OTHER, 0, 0, 0);
        assertEquals(-Errno.E2BIG, k.call(main, AbiNumbers.SCHED_SETATTR, 0, a, 0));
        assertEquals(56, k.intAt(main, a), "E2BIG writes back the size it knows");
        attr(48, 6, 0, 0, 0);
        assertEquals(-Errno.EINVAL, k.call(main, AbiNumbers.SCHED_SETATTR, 0, a, 0), "no SCHED_DEADLINE");
        attr(48, OTHER, 0x80, 0, 0);
        assertEquals(-Errno.EINVAL, k.call(main, AbiNumbers.SCHED_SETATTR, 0, a, 0), "an unknown flag");
        assertEquals(-Errno.EINVAL, k.call(main, AbiNumbers.SCHED_SETATTR, 0, a, 1), "flags must be 0");
        assertEquals(-Errno.EINVAL, k.call(main, AbiNumbers.SCHED_GETATTR, 0, a, 40, 0), "smaller than 48");
        assertEquals(-Errno.ESRCH, k.call(main, AbiNumbers.SCHED_GETATTR, 4000, a, 56, 0));
        attr(48, OTHER, SchedAttrCalls.KEEP_POLICY | SchedAttrCalls.KEEP_PARAMS, 0, 0);
        assertEquals(0, k.call(main, AbiNumbers.SCHED_SETATTR, t.tid(), a, 0), "keeps class and priority");
        assertEquals(FIFO, k.call(main, GETSCHEDULER, t.tid()), "and drops the reset flag it did not ask for");
        assertEquals(59, t.priority());
    }
}
