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

/** clock_nanosleep: its clocks, relative and absolute sleeps of simulated time, and Linux's errno order. */
class ClockNanosleepCallTest {
    private final KernelBench k = new KernelBench();
    private Process p;
    private long req;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("sleeper");
        req = k.map(p, 1);
        k.hartOf(p).setCounters(10_000, k.hartOf(p).instret());
    }

    private void timespec(long sec, long nsec) {
        assertTrue(p.userMemory().writeLong(req, sec));
        assertTrue(p.userMemory().writeLong(req + 8, nsec));
    }

    @Test
    void clocksAndRequestsAreCheckedInLinuxsOrder() {
        timespec(0, 1_000_000_000L);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.CLOCK_NANOSLEEP, 99, 0, 0xffff_ffc0_0000_0000L, 0),
                "an unknown clock before the bad pointer");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.CLOCK_NANOSLEEP, ClockNanosleepCall.CLOCK_THREAD_CPUTIME_ID, 0, req, 0));
        assertEquals(-95, k.call(p, Syscalls.CLOCK_NANOSLEEP, ClockNanosleepCall.CLOCK_MONOTONIC_COARSE, 0, req, 0),
                "EOPNOTSUPP: a clock that cannot sleep");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.CLOCK_NANOSLEEP, 1, 0, 0xffff_ffc0_0000_0000L, 0));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.CLOCK_NANOSLEEP, 1, 0, req, 0), "tv_nsec of a whole second");
        timespec(-1, 0);
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.CLOCK_NANOSLEEP, 0, 1, req, 0));
        assertEquals(ProcessState.RUNNING, p.state());
    }

    @Test
    void aRelativeSleepOnTheMonotonicClock() {
        timespec(0, 2500);
        k.sleeps(p, Syscalls.CLOCK_NANOSLEEP, ClockNanosleepCall.CLOCK_MONOTONIC, 0, req, 0);
        k.machine.advanceTo(12_499);
        assertEquals(ProcessState.BLOCKED, p.state());
        k.machine.advanceTo(12_500);
        assertEquals(ProcessState.RUNNING, p.state());
        assertEquals(0, k.call(p, Syscalls.CLOCK_NANOSLEEP, ClockNanosleepCall.CLOCK_MONOTONIC, 0, req, 0));
    }

    @Test
    void anAbsoluteSleepEndsAtThatTimeOnItsClockAndAPastTimeReturnsAtOnce() {
        timespec(0, 30_000);
        k.sleeps(p, Syscalls.CLOCK_NANOSLEEP, ClockNanosleepCall.CLOCK_MONOTONIC, 1, req, 0);
        k.machine.advanceTo(29_999);
        assertEquals(ProcessState.BLOCKED, p.state());
        k.machine.advanceTo(30_000);
        assertEquals(ProcessState.RUNNING, p.state(), "monotonic 30 us: cycle 30,000");
        assertEquals(0, k.call(p, Syscalls.CLOCK_NANOSLEEP, 1, 1, req, 0));
        timespec(5, 0);
        assertEquals(0, k.call(p, Syscalls.CLOCK_NANOSLEEP, ClockNanosleepCall.CLOCK_REALTIME, 1, req, 0),
                "1970 is long past on the realtime clock");
        long at = k.hartOf(p).cycle();
        timespec(Timespecs.REALTIME_EPOCH_SECONDS, 100_000);
        k.sleeps(p, Syscalls.CLOCK_NANOSLEEP, ClockNanosleepCall.CLOCK_REALTIME, 1, req, 0);
        k.machine.advanceTo(99_999);
        assertEquals(ProcessState.BLOCKED, p.state(), "realtime starts at its epoch at power-on; woken from " + at);
        k.machine.advanceTo(100_000);
        assertEquals(ProcessState.RUNNING, p.state());
    }
}
