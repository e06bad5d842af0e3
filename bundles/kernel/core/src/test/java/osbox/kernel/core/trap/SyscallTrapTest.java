package osbox.kernel.core.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;
import osbox.api.kernel.WaitQueue;
import osbox.api.trace.TraceEvent;
import osbox.api.trace.TraceKind;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * The system-call trap: numbers nobody answers, whiteboard handlers (what
 * they see, what happens when they throw, lie about sleeping, come and go),
 * and what is traced.
 */
class SyscallTrapTest {
    private final KernelBench k = new KernelBench();

    private List<TraceEvent> events(TraceKind kind) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : k.machine.tracer().events()) {
            if (e.kind() == kind) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void theKernelsOwnCallsAreInstalledWhenItIsBuiltAndTraced() {
        assertTrue(k.kernel.syscalls().installed(Syscalls.WRITE));
        assertEquals("exit_group", k.kernel.syscalls().name(Syscalls.EXIT_GROUP));
        assertTrue(events(TraceKind.SERVICE).stream().anyMatch(e -> e.a() == Syscalls.WAIT4 && e.b() == 1
                && "wait4".equals(e.text())));
    }

    @Test
    void aNumberNobodyAnswersIsEnosysAndTracedAsUnknown() throws Exception {
        Process p = k.spawn("p");
        assertEquals(-Errno.ENOSYS, k.call(p, 500));
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.UNAME), "no sysinfo bundle on the bench");
        assertEquals(-Errno.ENOSYS, k.call(p, -1), "a7 out of the table");
        assertEquals(-Errno.ENOSYS, k.call(p, Integer.MAX_VALUE));
        List<TraceEvent> unknown = events(TraceKind.SYSCALL_UNKNOWN);
        assertEquals(4, unknown.size());
        assertEquals(500, unknown.get(0).a());
        assertEquals(-Errno.ENOSYS, unknown.get(0).b());
        assertEquals("(no Linux riscv64 call has this number)", unknown.get(0).text());
        assertEquals("uname", unknown.get(1).text(), "traced with Linux's name");
        assertEquals(4, p.syscalls(), "counted all the same");
    }

    @Test
    void aWhiteboardHandlerSeesTheFrameAsItsContext() throws Exception {
        Process p = k.spawn("p");
        List<String> seen = new ArrayList<>();
        SyscallHandler h = c -> {
            seen.add(c.number() + " " + c.arg(0) + " " + c.arg(5) + " pid " + c.process().pid() + " hart " + c.hart());
            return 42;
        };
        k.kernel.installSyscall(Syscalls.UNAME, "uname", h);
        assertEquals(42, k.call(p, Syscalls.UNAME, 7, 0, 0, 0, 0, 9));
        assertEquals(List.of("160 7 9 pid " + p.pid() + " hart " + p.sched().hart()), seen);
        TraceEvent last = events(TraceKind.SYSCALL).get(events(TraceKind.SYSCALL).size() - 1);
        assertEquals(Syscalls.UNAME, last.a());
        assertEquals(42, last.b());
        k.kernel.removeSyscall(Syscalls.UNAME, h);
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.UNAME), "gone with its bundle");
    }

    @Test
    void aHandlerThatThrowsIsAnsweredEnosysAndTheCallerRunsOn() throws Exception {
        Process p = k.spawn("p");
        k.kernel.installSyscall(500, "boom", c -> {
            throw new IllegalStateException("bug");
        });
        assertEquals(0, k.kernel.syscallHandlerFailures());
        assertEquals(-Errno.ENOSYS, k.call(p, 500));
        assertEquals(ProcessState.RUNNING, p.state());
        assertTrue(events(TraceKind.NOTE).stream().anyMatch(e -> e.text().contains("syscall handler failed")));
        assertEquals(p.pid(), k.call(p, Syscalls.GETPID));
        assertEquals(1, k.kernel.syscallHandlerFailures(), "counted, for the fuzzer's tests");
    }

    @Test
    void restartWithoutSleepingIsEintrAndSleepingOnAForeignQueueIsABug() throws Exception {
        Process p = k.spawn("p");
        k.kernel.installSyscall(500, "liar", c -> SyscallHandler.RESTART);
        assertEquals(-Errno.EINTR, k.call(p, 500));
        WaitQueue foreign = new WaitQueue() {
            @Override public int wakeAll() { return 0; }
            @Override public int size() { return 0; }
            @Override public String name() { return "foreign"; }
        };
        k.kernel.installSyscall(501, "foreign", c -> {
            c.sleepOn(foreign);
            return SyscallHandler.RESTART;
        });
        assertEquals(-Errno.ENOSYS, k.call(p, 501), "refused loudly (a throw), answered ENOSYS");
        assertEquals(ProcessState.RUNNING, p.state());
    }

    @Test
    void aHandlerSleepsOnAKernelQueueAndRunsAgainWhenWoken() throws Exception {
        Process p = k.spawn("p");
        WaitQueue q = k.kernel.newWaitQueue("input");
        List<Boolean> woken = new ArrayList<>();
        k.kernel.installSyscall(500, "waiter", c -> {
            woken.add(c.woken());
            if (!c.woken()) {
                c.sleepOn(q);
                return SyscallHandler.RESTART;
            }
            return 1;
        });
        k.sleeps(p, 500);
        assertEquals(1, q.size());
        assertEquals(1, q.wakeAll());
        assertEquals(1, k.call(p, 500));
        assertEquals(List.of(false, true), woken);
        k.sleeps(p, 500);
        assertEquals(List.of(false, true, false), woken, "the next call is not a restart");
    }

    @Test
    void aCallThatSleptWaitsThroughItsHandlersSwapAndRunsUnderTheSuccessor() throws Exception {
        Process p = k.spawn("p");
        WaitQueue q = k.kernel.newWaitQueue("input");
        SyscallHandler old = c -> {
            c.sleepOn(q);
            return SyscallHandler.RESTART;
        };
        k.kernel.installSyscall(500, "swapped", old);
        k.sleeps(p, 500);
        k.kernel.removeSyscall(500, old);
        assertEquals(1, q.wakeAll(), "its old revision lets it go");
        k.sleeps(p, 500);
        assertEquals(ProcessState.BLOCKED, p.state(), "the restart waits for a handler instead of ENOSYS");
        assertTrue(events(TraceKind.NOTE).stream().anyMatch(e -> e.text().equals("waits for a handler of swapped")));
        List<Boolean> woken = new ArrayList<>();
        k.kernel.installSyscall(500, "swapped", c -> {
            woken.add(c.woken());
            return 7;
        });
        k.settle();
        assertEquals(7, k.call(p, 500), "run again, from the start, by the successor");
        assertEquals(List.of(true), woken, "as the restart of the call that slept");
        Process fresh = k.spawn("fresh");
        assertEquals(7, k.call(fresh, 500));
    }

    @Test
    void aSlotHeldForASuccessorMakesFreshCallersWaitAndAPlainRemovalAnswersEnosys() throws Exception {
        Process p = k.spawn("p");
        SyscallHandler leaving = new SyscallHandler() {
            @Override
            public long invoke(osbox.api.kernel.SyscallContext c) {
                return 1;
            }

            @Override
            public boolean successorExpected() {
                return true;
            }
        };
        k.kernel.installSyscall(500, "updated", leaving);
        k.kernel.removeSyscall(500, leaving);
        assertTrue(k.kernel.syscalls().held(500));
        k.sleeps(p, 500);
        k.kernel.installSyscall(500, "updated", c -> 2);
        assertTrue(!k.kernel.syscalls().held(500));
        k.settle();
        assertEquals(2, k.call(p, 500));
        SyscallHandler stopped = c -> 3;
        k.kernel.installSyscall(501, "stopped", stopped);
        k.kernel.removeSyscall(501, stopped);
        assertEquals(-Errno.ENOSYS, k.call(p, 501), "no successor announced: ENOSYS, as before");
    }

    @Test
    void anEcallOnAHartWithNoProcessIdlesIt() {
        k.machine.hart(3).setContext(new osbox.api.hw.HartContext());
        k.machine.trapVector().trap(k.machine.hart(3), osbox.api.hw.TrapCause.ECALL_FROM_U, 0);
        assertSame(null, k.machine.hart(3).context());
    }
}
