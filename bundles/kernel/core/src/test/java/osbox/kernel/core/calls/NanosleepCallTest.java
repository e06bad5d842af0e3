package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.hw.HartContext;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Signals;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/**
 * nanosleep: its checks of the timespec, a sleep of simulated time that
 * ends in 0, and a sleep cut by a stop that, run again after SIGCONT,
 * sleeps only what was left (Linux's restart_syscall), or answers EINTR
 * with the rem of the stop when a SIGCONT handler runs.
 */
class NanosleepCallTest {
    private final KernelBench k = new KernelBench();
    private Process p;
    private long req;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("sleeper");
        req = k.map(p, 1);
    }

    private void timespec(long sec, long nsec) {
        assertTrue(p.userMemory().writeLong(req, sec));
        assertTrue(p.userMemory().writeLong(req + 8, nsec));
    }

    @Test
    void aBadTimespecIsEfaultOrEinval() {
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.NANOSLEEP, 0xffff_ffc0_0000_0000L, 0));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.NANOSLEEP, req + 4096 - 8, 0), "tv_nsec on no page");
        timespec(0, 1_000_000_000L);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.NANOSLEEP, req, 0), "a whole second of nanoseconds");
        timespec(0, -1);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.NANOSLEEP, req, 0));
        timespec(-1, 0);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.NANOSLEEP, req, 0));
        assertEquals(ProcessState.RUNNING, p.state());
    }

    @Test
    void theCallerSleepsForTheSimulatedTimeAndTheRestartAnswersZero() {
        timespec(0, 1500);    // 1.5 us: 1500 cycles at 1 GHz
        k.hartOf(p).setCounters(10_000, k.hartOf(p).instret());
        k.sleeps(p, Syscalls.NANOSLEEP, req, 0);
        k.machine.advanceTo(11_499);
        assertEquals(ProcessState.BLOCKED, p.state(), "not yet");
        k.machine.advanceTo(11_500);
        assertEquals(ProcessState.RUNNING, p.state(), "woken at 10,000 + 1,500 cycles");
        assertEquals(0, k.call(p, Syscalls.NANOSLEEP, req, 0), "the restart does not sleep again");
    }

    @Test
    void anEnormousSleepDoesNotOverflowTheClock() {
        timespec(Long.MAX_VALUE / 4, 0);
        k.sleeps(p, Syscalls.NANOSLEEP, req, 0);
        k.machine.advanceTo(1L << 60);
        assertEquals(ProcessState.BLOCKED, p.state(), "still asleep, not woken by a wrapped deadline");
    }

    // p sleeps 1.5 µs from cycle 10,000 (to 11,500) with 'number', q stops it at 10,500 and continues it at 'cont'.
    private Process stopAndContinueASleep(int number, long cont, long... args) throws Exception {
        Process q = k.spawn("sender");
        timespec(0, 1500);
        k.hartOf(p).setCounters(10_000, k.hartOf(p).instret());
        k.sleeps(p, number, args);
        k.machine.advanceTo(10_500);
        assertEquals(0, k.call(q, Syscalls.KILL, p.pid(), Signals.SIGSTOP));
        k.machine.advanceTo(cont);
        assertEquals(ProcessState.BLOCKED, p.state(), "stopped");
        assertEquals(0, k.call(q, Syscalls.KILL, p.pid(), Signals.SIGCONT));
        k.settle();
        k.hartOf(p).setCounters(cont, k.hartOf(p).instret());    // the bench's harts keep their own clocks
        return q;
    }

    @Test
    void afterAStopTheSleepRunsAgainOnlyUntilItsFirstEnd() throws Exception {
        stopAndContinueASleep(Syscalls.NANOSLEEP, 11_000, req, 0);
        k.sleeps(p, Syscalls.NANOSLEEP, req, 0);
        k.machine.advanceTo(11_499);
        assertEquals(ProcessState.BLOCKED, p.state(), "not yet");
        k.machine.advanceTo(11_500);
        assertEquals(ProcessState.RUNNING, p.state(), "woken at the first sleep's end, not 1,500 cycles after SIGCONT");
        assertEquals(0, k.call(p, Syscalls.NANOSLEEP, req, 0));
        k.sleeps(p, Syscalls.NANOSLEEP, req, 0);
        assertEquals(ProcessState.BLOCKED, p.state(), "the next sleep is a sleep of its own");
    }

    @Test
    void aRelativeClockNanosleepContinuedAfterItsEndReturnsAtOnce() throws Exception {
        stopAndContinueASleep(Syscalls.CLOCK_NANOSLEEP, 20_000, 1, 0, req, 0);
        assertEquals(0, k.call(p, Syscalls.CLOCK_NANOSLEEP, 1, 0, req, 0), "its time was up while it was stopped");
    }

    @Test
    void aSigcontHandlerCutsTheSleepWithEintrAndRem() throws Exception {
        long act = req + 64;
        long handler = KernelBench.TEXT + 0x20;
        assertTrue(p.userMemory().writeLong(act, handler));
        assertEquals(0, k.call(p, Syscalls.RT_SIGACTION, Signals.SIGCONT, act, 0, 8));
        long rem = req + 128;
        stopAndContinueASleep(Syscalls.NANOSLEEP, 11_000, req, rem);
        // continued, it runs its nanosleep again, which answers EINTR as the SIGCONT handler is set up
        k.ecall(p, Syscalls.NANOSLEEP, req, rem);
        assertEquals(handler, p.context().pc, "the SIGCONT handler runs");
        long[] v = new long[1];
        assertTrue(p.userMemory().readLong(rem + 8, v));
        assertEquals(1000, v[0], "rem as the stop at 10,500 cut the sleep to 11,500 (Linux writes it then), in ns");
        assertTrue(p.userMemory().readLong(p.context().x[HartContext.A2] + 176, v), "the frame's saved pc");
        long[] a0 = new long[1];
        assertTrue(p.userMemory().readLong(p.context().x[HartContext.A2] + 176 + 10 * 8, a0));
        assertEquals(-Errno.EINTR, a0[0], "the interrupted nanosleep answers EINTR after the handler");
    }
}
