package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * Process-wide signal state, as Linux keeps it in signal_struct: a signal
 * sent to the process while every thread blocks it waits in the process's
 * pending set (rt_sigpending shows it in every thread) and goes to the
 * first thread that unblocks it; ITIMER_REAL (and alarm) is one timer per
 * process, which outlives the thread that armed it.
 */
class ProcessSignalsTest {
    private static final int SETITIMER = 103, GETITIMER = 102, SIG_BLOCK = 0, SIG_UNBLOCK = 1;
    private final KernelBench k = new KernelBench();
    private Process main;
    private long page;

    @BeforeEach
    void start() throws Exception {
        main = k.spawn("signals");
        page = k.map(main, 2);
    }

    private Process newThread() {
        long tid = k.call(main, Syscalls.CLONE, ThreadsTest.PTHREAD_FLAGS, 0, page, 0, page);
        k.settle();
        return k.process(tid);
    }

    private static long bit(int sig) {
        return 1L << (sig - 1);
    }

    // rt_sigprocmask(how, {sig}, NULL, 8) by thread t.
    private void mask(Process t, int how, int sig) {
        main.userMemory().writeLong(page + 1024, bit(sig));
        assertEquals(0, k.call(t, Syscalls.RT_SIGPROCMASK, how, page + 1024, 0, 8));
    }

    // rt_sigpending as thread t sees it.
    private long sigpending(Process t) {
        assertEquals(0, k.call(t, KernelCalls.RT_SIGPENDING, page + 1536, 8));
        long[] v = new long[1];
        assertTrue(main.userMemory().readLong(page + 1536, v));
        return v[0];
    }

    @Test
    void aSignalEveryThreadBlocksWaitsOnTheProcessForTheFirstThreadThatUnblocksIt() {
        Process worker = newThread();
        mask(main, SIG_BLOCK, Signals.SIGUSR1);
        mask(worker, SIG_BLOCK, Signals.SIGUSR1);
        mask(main, SIG_BLOCK, Signals.SIGTERM);     // the worker does not block SIGTERM: its own to take
        main.userMemory().writeLong(page + 1280, SignalCallsTest.HANDLER);
        main.userMemory().writeLong(page + 1288, 0);
        main.userMemory().writeLong(page + 1296, 0);
        assertEquals(0, k.call(main, Syscalls.RT_SIGACTION, Signals.SIGUSR1, page + 1280, 0, 8));

        assertEquals(0, k.call(main, Syscalls.KILL, main.pid(), Signals.SIGUSR1));
        assertEquals(bit(Signals.SIGUSR1), main.signals().processPending(), "queued on the process");
        assertEquals(0, main.signals().ownPending() | worker.signals().ownPending(), "on no thread");
        assertEquals(bit(Signals.SIGUSR1), sigpending(main), "every thread's sigpending shows it");
        assertEquals(bit(Signals.SIGUSR1), sigpending(worker));
        assertFalse(main.signals().deliverable() || worker.signals().deliverable());

        main.userMemory().writeLong(page + 1024, bit(Signals.SIGUSR1));
        KernelBench.Answer a = k.ecall(worker, Syscalls.RT_SIGPROCMASK, SIG_UNBLOCK, page + 1024, 0, 8);
        assertFalse(a.returned(), "the worker unblocked it: it returns to user mode in the handler");
        assertEquals(SignalCallsTest.HANDLER, worker.context().pc);
        assertEquals(0, main.signals().processPending(), "taken off the process");
        assertEquals(0, sigpending(main));
        assertEquals(ProcessState.RUNNING, main.state());
    }

    @Test
    void itimerRealIsTheProcesssAndOutlivesTheThreadThatArmedIt() {
        Process worker = newThread();
        main.userMemory().writeLong(page + 512, 0);           // it_interval
        main.userMemory().writeLong(page + 520, 0);
        main.userMemory().writeLong(page + 528, 0);           // it_value: 1 ms
        main.userMemory().writeLong(page + 536, 1000);
        assertEquals(0, k.call(worker, SETITIMER, 0, page + 512, 0));
        assertEquals(0, k.call(main, GETITIMER, 0, page + 768));
        long[] v = new long[1];
        assertTrue(main.userMemory().readLong(page + 768 + 24, v));
        assertTrue(v[0] > 0 && v[0] <= 1000, "main reads the timer its worker armed: " + v[0] + " us left");
        assertEquals(false, k.ecall(worker, Syscalls.EXIT, 0).returned());
        k.machine.advanceTo(k.machine.now() + 2_000_000);
        k.settle();
        assertEquals(ProcessState.ZOMBIE, main.state(), "SIGALRM reached the process after its armer ended");
        assertEquals(Signals.SIGALRM, main.waitStatus() & 0x7f);
    }
}
