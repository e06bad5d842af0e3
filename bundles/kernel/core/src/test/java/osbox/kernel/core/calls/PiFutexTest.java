package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.futex.Futexes;
import osbox.kernel.core.futex.PiFutexes;
import osbox.kernel.core.proc.Process;

/**
 * Priority-inheritance futexes: LOCK_PI takes a free word, answers EDEADLK
 * to its owner and ESRCH for a dead owner; a waiter lends the owner its
 * priority until UNLOCK_PI hands the lock to the most important waiter;
 * TRYLOCK_PI answers EAGAIN on a busy lock and UNLOCK_PI EPERM to a thread
 * that does not own it.
 */
class PiFutexTest {
    private static final int LOCK = FutexCall.FUTEX_LOCK_PI | FutexCall.FUTEX_PRIVATE_FLAG;
    private static final int UNLOCK = FutexCall.FUTEX_UNLOCK_PI | FutexCall.FUTEX_PRIVATE_FLAG;
    private static final int TRYLOCK = FutexCall.FUTEX_TRYLOCK_PI | FutexCall.FUTEX_PRIVATE_FLAG;
    private final KernelBench k = new KernelBench();
    private Process main;
    private long page;
    private long word;

    @BeforeEach
    void start() throws Exception {
        main = k.spawn("pi");
        page = k.map(main, 2);
        word = page + 256;
    }

    private Process newThread() {
        long tid = k.call(main, Syscalls.CLONE, ThreadsTest.PTHREAD_FLAGS, 0, page, 0, page);
        k.settle();
        return k.process(tid);
    }

    @Test
    void lockTakesAFreeWordAndRefusesItsOwnerAndADeadOne() {
        assertEquals(0, k.call(main, Syscalls.FUTEX, word, LOCK, 0, 0, 0, 0));
        assertEquals(main.tid(), k.intAt(main, word));
        assertEquals(-PiFutexes.EDEADLK, k.call(main, Syscalls.FUTEX, word, LOCK, 0, 0, 0, 0), "self-deadlock");
        assertEquals(-PiFutexes.EDEADLK, k.call(main, Syscalls.FUTEX, word, TRYLOCK, 0, 0, 0, 0));
        assertTrue(main.userMemory().writeInt(word, 4000));
        assertEquals(-Errno.ESRCH, k.call(main, Syscalls.FUTEX, word, LOCK, 0, 0, 0, 0), "no thread 4000");
        assertEquals(-Errno.EPERM, k.call(main, Syscalls.FUTEX, word, UNLOCK, 0, 0, 0, 0), "not the owner");
    }

    @Test
    void aWaiterLendsItsPriorityUntilTheLockIsHandedToIt() {
        Process low = newThread();
        Process high = newThread();
        assertEquals(0, k.call(low, Syscalls.FUTEX, word, LOCK, 0, 0, 0, 0));
        setPriority(low, 10);
        setPriority(high, 1);
        assertEquals(-Errno.EAGAIN, k.call(high, Syscalls.FUTEX, word, TRYLOCK, 0, 0, 0, 0), "busy");
        k.sleeps(high, Syscalls.FUTEX, word, LOCK, 0, 0, 0, 0);
        assertEquals(low.tid() | Futexes.FUTEX_WAITERS, k.intAt(main, word));
        assertEquals(1, low.priority(), "boosted to its waiter's priority");
        assertEquals(0, k.call(low, Syscalls.FUTEX, word, UNLOCK, 0, 0, 0, 0));
        assertEquals(10, low.priority(), "its own priority back");
        java.util.List<osbox.api.trace.TraceEvent> boosts = k.machine.tracer().events().stream()
                .filter(e -> e.kind() == osbox.api.trace.TraceKind.PRIORITY_BOOST).toList();
        assertEquals(2, boosts.size(), "the boost and its end are traced");
        assertEquals(java.util.List.of((long) low.tid(), 1L, 10L), java.util.List.of((long) boosts.get(0).pid(),
                boosts.get(0).a(), boosts.get(0).b()));
        assertEquals(java.util.List.of((long) low.tid(), 10L, 1L), java.util.List.of((long) boosts.get(1).pid(),
                boosts.get(1).a(), boosts.get(1).b()));
        assertEquals(high.tid(), k.intAt(main, word), "handed to the waiter");
        k.settle();
        assertEquals(ProcessState.RUNNING, high.state());
        assertEquals(0, k.call(high, Syscalls.FUTEX, word, LOCK, 0, 0, 0, 0), "its lock returns owning it");
        assertEquals(0, k.call(high, Syscalls.FUTEX, word, UNLOCK, 0, 0, 0, 0));
        assertEquals(0, k.intAt(main, word));
    }

    // The attribute a policy sees: set directly, as a workload's spawn would.
    private static void setPriority(Process t, int priority) {
        t.setLentPriority(Integer.MAX_VALUE);
        osbox.kernel.core.proc.Pcbs.setPriority(t, priority);
    }
}
