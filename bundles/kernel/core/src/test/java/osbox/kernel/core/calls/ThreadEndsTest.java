package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.futex.Futexes;
import osbox.kernel.core.proc.Process;

/**
 * How threads end and what they leave: execve from a thread ends the other
 * threads and the exec'ing thread takes the pid (Linux's de_thread); a
 * thread that dies holding a robust mutex leaves it FUTEX_OWNER_DIED and
 * wakes a waiter; a shared futex in a MAP_SHARED page meets across
 * processes.
 */
class ThreadEndsTest {
    private static final long MAP_SHARED_ANONYMOUS = 0x21;
    @TempDir
    Path host;
    private KernelBench k;
    private Process main;
    private long page;

    @BeforeEach
    void start() throws Exception {
        Files.write(host.resolve("prog"), KernelBench.program("-- a toy program --"));
        k = new KernelBench(4, 16L << 20, host);
        main = k.spawn("threads");
        page = k.map(main, 4);
    }

    private Process newThread(Process creator) {
        long tid = k.call(creator, Syscalls.CLONE, ThreadsTest.PTHREAD_FLAGS, 0, page, 0, page);
        assertTrue(tid > 0, "clone answered " + tid);
        k.settle();
        return k.process(tid);
    }

    @Test
    void threadExitListenersHearEveryThreadTheLastBeforeTheProcessListeners() {
        java.util.List<String> heard = new java.util.ArrayList<>();
        k.kernel.addThreadExitListener(v -> heard.add("thread " + v.tid() + " of " + v.pid()));
        k.kernel.addExitListener(v -> heard.add("process " + v.pid()));
        Process a = newThread(main);
        Process b = newThread(main);
        assertEquals(false, k.ecall(a, Syscalls.EXIT, 0).returned());
        k.exit(b, 0);
        assertEquals(java.util.List.of("thread " + a.tid() + " of " + main.pid(),
                "thread " + main.tid() + " of " + main.pid(), "thread " + b.tid() + " of " + main.pid(),
                "process " + main.pid()), heard);
    }

    @Test
    void execveFromAThreadEndsTheOthersAndTakesThePid() {
        Process a = newThread(main);
        Process b = newThread(main);
        int pid = main.pid();
        int bTid = b.tid();
        k.putString(a, page + 4096, "/host/prog");
        long argv = page + 4096 + 64;
        assertTrue(a.userMemory().writeLong(argv, page + 4096));
        assertTrue(a.userMemory().writeLong(argv + 8, 0));
        assertEquals(false, k.ecall(a, Syscalls.EXECVE, page + 4096, argv, argv + 8).returned());
        assertEquals(ProcessState.RUNNING, a.state(), "the exec'ing thread runs the new program");
        assertEquals(pid, a.tid(), "it took the pid");
        assertEquals(pid, a.pid());
        assertSame(a, k.process(pid));
        assertNull(k.process(bTid), "the other thread ended");
        assertEquals(1, a.group().liveCount());
        assertEquals(pid, k.call(a, Syscalls.GETTID));
        k.exit(a, 0);
    }

    @Test
    void aThreadThatDiesHoldingARobustMutexLeavesItOwnerDiedAndWakesAWaiter() {
        Process owner = newThread(main);
        // struct robust_list_head at head: list -> entry, futex_offset 16, list_op_pending 0; the entry points back
        long head = page + 2048;
        long entry = page + 2112;
        long word = entry + 16;
        assertTrue(main.userMemory().writeLong(head, entry));
        assertTrue(main.userMemory().writeLong(head + 8, 16));
        assertTrue(main.userMemory().writeLong(head + 16, 0));
        assertTrue(main.userMemory().writeLong(entry, head));
        assertTrue(main.userMemory().writeInt(word, owner.tid() | Futexes.FUTEX_WAITERS));
        assertEquals(0, k.call(owner, Syscalls.SET_ROBUST_LIST, head, 24));
        int locked = owner.tid() | Futexes.FUTEX_WAITERS;
        k.sleeps(main, Syscalls.FUTEX, word, FutexCall.FUTEX_WAIT | FutexCall.FUTEX_PRIVATE_FLAG, locked, 0, 0, 0);
        assertEquals(false, k.ecall(owner, Syscalls.EXIT, 0).returned());
        assertEquals(Futexes.FUTEX_OWNER_DIED | Futexes.FUTEX_WAITERS, k.intAt(main, word));
        k.settle();
        assertEquals(ProcessState.RUNNING, main.state(), "the waiter woke to take the mutex");
    }

    @Test
    void aSharedFutexInASharedPageMeetsAcrossProcesses() {
        long shared = k.call(main, Syscalls.MMAP, 0, 4096, 3, MAP_SHARED_ANONYMOUS, -1, 0);
        assertTrue(shared > 0);
        assertTrue(main.userMemory().writeInt(shared, 1));
        long child = k.call(main, Syscalls.CLONE, 17, 0, 0, 0, 0);
        k.settle();
        Process c = k.process(child);
        k.sleeps(c, Syscalls.FUTEX, shared, FutexCall.FUTEX_WAIT, 1, 0, 0, 0);
        assertEquals(0, k.call(main, Syscalls.FUTEX, shared, FutexCall.FUTEX_WAKE | FutexCall.FUTEX_PRIVATE_FLAG,
                1, 0, 0, 0), "a private wake stays in its process");
        assertEquals(1, k.call(main, Syscalls.FUTEX, shared, FutexCall.FUTEX_WAKE, 1, 0, 0, 0));
        k.settle();
        assertEquals(ProcessState.RUNNING, c.state());
        assertEquals(0, k.call(c, Syscalls.FUTEX, shared, FutexCall.FUTEX_WAIT, 1, 0, 0, 0));
    }
}
