package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.ProcessState;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;

/** nanosleep: its checks of the timespec, and a sleep of simulated time that ends in 0. */
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
}
