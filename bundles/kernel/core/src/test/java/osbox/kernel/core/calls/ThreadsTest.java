package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.hw.HartContext;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitStatus;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * Threads as glibc's pthread_create makes them: clone with the thread
 * flags, gettid and getpid, shared memory and descriptors, exit against
 * exit_group, the clear_child_tid word cleared and woken at a thread's end
 * (pthread_join), wait4 seeing the process only when its last thread ends,
 * tgkill, and execve from a thread.
 */
class ThreadsTest {
    static final long PTHREAD_FLAGS = CloneCall.CLONE_VM | CloneCall.CLONE_FS | CloneCall.CLONE_FILES
            | CloneCall.CLONE_SIGHAND | CloneCall.CLONE_THREAD | CloneCall.CLONE_SYSVSEM | CloneCall.CLONE_SETTLS
            | CloneCall.CLONE_PARENT_SETTID | CloneCall.CLONE_CHILD_CLEARTID;
    private static final int WAIT = FutexCall.FUTEX_WAIT;
    private static final int WAKE = FutexCall.FUTEX_WAKE;
    private static final int WAIT_PRIVATE = FutexCall.FUTEX_WAIT | FutexCall.FUTEX_PRIVATE_FLAG;
    private static final int WAKE_PRIVATE = FutexCall.FUTEX_WAKE | FutexCall.FUTEX_PRIVATE_FLAG;

    private final KernelBench k = new KernelBench();
    private Process main;
    private long page;

    @BeforeEach
    void start() throws Exception {
        main = k.spawn("threads");
        page = k.map(main, 2);
    }

    // pthread_create: a thread on its own stack with its TLS; the tid goes to page (ptid) and is cleared at exit.
    private Process newThread() {
        long tid = k.call(main, Syscalls.CLONE, PTHREAD_FLAGS, page + 8192 - 64, page, 0x5000, page);
        assertTrue(tid > 0, "clone answered " + tid);
        k.settle();
        return k.process(tid);
    }

    @Test
    void aThreadSharesTheProcessAndHasItsOwnIdRegistersAndStack() {
        Process t = newThread();
        assertNotEquals(main.tid(), t.tid());
        assertEquals(main.pid(), t.pid(), "one process");
        assertSame(main.group(), t.group());
        assertEquals(t.tid(), k.intAt(main, page), "CLONE_PARENT_SETTID");
        assertEquals(page + 8192 - 64, t.context().x[HartContext.SP]);
        assertEquals(0x5000, t.context().x[HartContext.TP], "CLONE_SETTLS");
        assertEquals(ProcessState.RUNNING, t.state(), "on a hart of its own (four harts)");
        assertEquals(t.tid(), k.call(t, Syscalls.GETTID));
        assertEquals(main.pid(), k.call(t, Syscalls.GETPID));
        assertEquals(main.ppid(), k.call(t, Syscalls.GETPPID));
        assertTrue(t.userMemory().writeInt(page + 100, 42));
        assertEquals(42, k.intAt(main, page + 100), "one address space");
        assertSame(main.files(), t.files(), "one descriptor table");
        assertEquals(2, main.group().liveCount());
    }

    @Test
    void threadExitClearsTheTidWordAndWakesTheJoinerThenTheProcessEndsWithItsLastThread() {
        Process t = newThread();
        int tid = t.tid();
        k.sleeps(main, Syscalls.FUTEX, page, WAIT, tid, 0, 0, 0);    // pthread_join: wait while the word is the tid
        assertEquals(false, k.ecall(t, Syscalls.EXIT, 7).returned());
        assertNull(k.process(tid), "a thread reaps itself");
        assertEquals(0, k.intAt(main, page), "CLONE_CHILD_CLEARTID");
        k.settle();
        assertEquals(ProcessState.RUNNING, main.state(), "the joiner woke");
        assertEquals(0, k.call(main, Syscalls.FUTEX, page, WAIT, tid, 0, 0, 0), "woken by the thread's end");
        assertEquals(1, main.group().liveCount());
        k.exit(main, 3);
        assertEquals(WaitStatus.exited(3), main.waitStatus());
    }

    @Test
    void exitGroupEndsEveryThreadAndALeaderThatExitsFirstWaitsForTheLast() throws Exception {
        Process parent = main;
        long child = k.call(parent, Syscalls.CLONE, 17, 0, 0, 0, 0);   // fork
        k.settle();
        Process leader = k.process(child);
        long tid = k.call(leader, Syscalls.CLONE, PTHREAD_FLAGS, 0, 0, 0, 0);
        k.settle();
        Process t = k.process(tid);
        assertEquals(false, k.ecall(leader, Syscalls.EXIT, 5).returned(), "the leader's pthread_exit");
        assertEquals(ProcessState.ZOMBIE, leader.state());
        assertEquals(0, k.call(parent, Syscalls.WAIT4, child, 0, 1, 0), "WNOHANG: the process still runs");
        assertEquals(false, k.ecall(t, Syscalls.EXIT, 9).returned());
        long status = page + 200;
        assertEquals(child, k.call(parent, Syscalls.WAIT4, child, status, 0, 0));
        assertEquals(WaitStatus.exited(5), k.intAt(parent, status), "the leader's exit code");

        long tid2 = k.call(parent, Syscalls.CLONE, PTHREAD_FLAGS, 0, 0, 0, 0);
        k.settle();
        Process t2 = k.process(tid2);
        k.exit(t2, 4);      // exit_group from a thread
        assertEquals(ProcessState.ZOMBIE, parent.state(), "the leader ended with it");
        assertEquals(WaitStatus.exited(4), parent.waitStatus());
    }

    @Test
    void futexWakeWakesWaitersOldestFirstAndRequeueMovesTheRest() {
        Process a = newThread();
        Process b = newThread();
        Process c = newThread();
        long word = page + 512;
        long other = page + 516;
        assertTrue(main.userMemory().writeInt(word, 1));
        k.sleeps(a, Syscalls.FUTEX, word, WAIT_PRIVATE, 1, 0, 0, 0);
        k.sleeps(b, Syscalls.FUTEX, word, WAIT_PRIVATE, 1, 0, 0, 0);
        k.sleeps(c, Syscalls.FUTEX, word, WAIT_PRIVATE, 1, 0, 0, 0);
        assertEquals(0, k.call(main, Syscalls.FUTEX, word, WAKE, 1, 0, 0, 0), "a private futex is not a shared one");
        assertEquals(1, k.call(main, Syscalls.FUTEX, word, WAKE_PRIVATE, 1, 0, 0, 0));
        k.settle();
        assertEquals(ProcessState.RUNNING, a.state(), "the oldest waiter");
        assertEquals(ProcessState.BLOCKED, b.state());
        assertEquals(0, k.call(a, Syscalls.FUTEX, word, WAIT_PRIVATE, 1, 0, 0, 0));
        int cmpRequeuePrivate = FutexCall.FUTEX_CMP_REQUEUE | FutexCall.FUTEX_PRIVATE_FLAG;
        assertEquals(-Errno.EAGAIN, k.call(main, Syscalls.FUTEX, word, cmpRequeuePrivate, 0, 1, other, 7));
        assertEquals(-Errno.EINVAL, k.call(main, Syscalls.FUTEX, word, cmpRequeuePrivate, -1, 1, other, 1));
        assertEquals(2, k.call(main, Syscalls.FUTEX, word, cmpRequeuePrivate, 0, 5, other, 1), "both moved");
        assertEquals(0, k.call(main, Syscalls.FUTEX, word, WAKE_PRIVATE, 5, 0, 0, 0), "none left on the first");
        assertEquals(2, k.call(main, Syscalls.FUTEX, other, WAKE_PRIVATE, 5, 0, 0, 0));
        k.settle();
        assertEquals(ProcessState.RUNNING, b.state());
        assertEquals(ProcessState.RUNNING, c.state());
    }

    @Test
    void wakeBitsetWakesOnlyMatchingWaiters() {
        Process a = newThread();
        Process b = newThread();
        long word = page + 512;
        int waitBitset = FutexCall.FUTEX_WAIT_BITSET | FutexCall.FUTEX_PRIVATE_FLAG;
        int wakeBitset = FutexCall.FUTEX_WAKE_BITSET | FutexCall.FUTEX_PRIVATE_FLAG;
        k.sleeps(a, Syscalls.FUTEX, word, waitBitset, 0, 0, 0, 0b01);
        k.sleeps(b, Syscalls.FUTEX, word, waitBitset, 0, 0, 0, 0b10);
        assertEquals(1, k.call(main, Syscalls.FUTEX, word, wakeBitset, 5, 0, 0, 0b10));
        k.settle();
        assertEquals(ProcessState.BLOCKED, a.state());
        assertEquals(ProcessState.RUNNING, b.state());
    }

    @Test
    void aSignalInterruptsAFutexWaitAndTheWaiterIsNotCountedByALaterWake() {
        Process a = newThread();
        long word = page + 512;
        long handler = 0x10000;
        long act = page + 1024;
        assertTrue(main.userMemory().writeLong(act, handler));
        assertEquals(0, k.call(main, Syscalls.RT_SIGACTION, Signals.SIGUSR1, act, 0, 8));
        k.sleeps(a, Syscalls.FUTEX, word, WAIT_PRIVATE, 0, 0, 0, 0);
        assertEquals(0, k.call(main, Syscalls.TGKILL, main.pid(), a.tid(), Signals.SIGUSR1));
        k.settle();
        assertEquals(ProcessState.RUNNING, a.state());
        assertEquals(handler, a.context().pc, "in its handler (the wait answered EINTR beneath the frame)");
        assertEquals(0, k.call(main, Syscalls.FUTEX, word, WAKE_PRIVATE, 1, 0, 0, 0), "it waits no more");
        assertEquals(ProcessState.RUNNING, main.state(), "the signal went to the thread named, not the process");
    }

    @Test
    void tgkillChecksTheThreadBelongsToTheProcess() {
        Process a = newThread();
        assertEquals(-Errno.ESRCH, k.call(main, Syscalls.TGKILL, main.pid() + 1000, a.tid(), 0));
        assertEquals(0, k.call(main, Syscalls.TGKILL, main.pid(), a.tid(), 0));
        assertEquals(-Errno.EINVAL, k.call(main, Syscalls.TGKILL, main.pid(), 0, 0));
        assertEquals(0, k.call(main, Syscalls.TKILL, a.tid(), 0));
    }

    @Test
    void aFatalSignalToOneThreadEndsTheWholeProcess() {
        Process a = newThread();
        assertEquals(false, k.ecall(main, Syscalls.TGKILL, main.pid(), a.tid(), Signals.SIGTERM).returned());
        assertEquals(ProcessState.ZOMBIE, main.state());
        assertEquals(WaitStatus.signaled(Signals.SIGTERM, false), main.waitStatus());
        assertNull(k.process(a.tid()));
    }

    @Test
    void aBlockedMaskIsPerThreadAndAProcessSignalGoesToAThreadThatDoesNotBlockIt() {
        Process a = newThread();
        long set = page + 1024;
        assertTrue(main.userMemory().writeLong(set, 1L << (Signals.SIGUSR1 - 1)));
        assertEquals(0, k.call(main, Syscalls.RT_SIGPROCMASK, 0, set, 0, 8), "SIG_BLOCK in main only");
        assertEquals(0, a.signals().blocked());
        long act = page + 1100;
        assertTrue(main.userMemory().writeLong(act, 0x10000));
        assertEquals(0, k.call(main, Syscalls.RT_SIGACTION, Signals.SIGUSR1, act, 0, 8));
        assertEquals(0x10000, a.signals().handler(Signals.SIGUSR1), "handlers are shared");
        k.sleeps(a, Syscalls.FUTEX, page + 512, WAIT_PRIVATE, 0, 0, 0, 0);
        assertEquals(0, k.call(main, Syscalls.KILL, main.pid(), Signals.SIGUSR1));
        assertEquals(0, main.signals().pending(), "not to the thread that blocks it");
        k.settle();
        assertEquals(ProcessState.RUNNING, a.state(), "the other thread was interrupted to take it");
    }
}
