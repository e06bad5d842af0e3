package osbox.kernel.core.calls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import osbox.api.kernel.Errno;
import osbox.api.kernel.Syscalls;
import osbox.kernel.core.KernelBench;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.proc.SignalState;
import osbox.testkit.hw.FakeHart;

/**
 * setitimer and getitimer's CPU timers (ITIMER_VIRTUAL: SIGVTALRM,
 * ITIMER_PROF: SIGPROF) on a bench through the trap path: they count the
 * cycles the process runs, expire at the dispatcher's tick, reload with
 * it_interval, report what is left, are not inherited at fork, and answer
 * Linux's errors.
 */
class CpuTimerCallsTest {
    static final int VIRTUAL = 1, PROF = 2;
    static final int SIGVTALRM = 26, SIGPROF = 27;
    static final long SIGCHLD = 17;
    static final int GETITIMER = 102, SETITIMER = 103;
    private final KernelBench k = new KernelBench();
    private Process p;
    private long buf;
    private long hz;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("cputimers");
        buf = k.map(p, 1);
        hz = k.machine.frequencyHz();
        // the timer signals blocked, so that they stay pending to be seen (unblocked they would end p)
        p.signals().setBlocked(SignalState.bit(SIGVTALRM) | SignalState.bit(SIGPROF));
    }

    // setitimer(which, {interval, value} in µs, old at buf + 32): 0 or -errno.
    private long set(Process q, int which, long intervalMicros, long valueMicros) {
        assertTrue(q.userMemory().writeLong(buf, intervalMicros / 1_000_000));
        assertTrue(q.userMemory().writeLong(buf + 8, intervalMicros % 1_000_000));
        assertTrue(q.userMemory().writeLong(buf + 16, valueMicros / 1_000_000));
        assertTrue(q.userMemory().writeLong(buf + 24, valueMicros % 1_000_000));
        return k.call(q, SETITIMER, which, buf, buf + 32);
    }

    // getitimer(which) as {interval, value} in µs.
    private long[] get(Process q, int which) {
        assertEquals(0, k.call(q, GETITIMER, which, buf + 64));
        return itimerval(q, buf + 64);
    }

    private static long[] itimerval(Process q, long va) {
        long[] v = new long[4];
        long[] w = new long[1];
        for (int i = 0; i < 4; i++) {
            assertTrue(q.userMemory().readLong(va + 8L * i, w));
            v[i] = w[0];
        }
        return new long[] {v[0] * 1_000_000 + v[1], v[2] * 1_000_000 + v[3]};
    }

    // p runs for 'cycles' more cycles, then its hart's timer ticks.
    private void run(long cycles) {
        FakeHart h = k.hartOf(p);
        h.advance(cycles, cycles);
        k.kernel.dispatcher().tick(h);
    }

    private long micros(long us) {
        return us * hz / 1_000_000;
    }

    @Test
    void itimerVirtualSendsSigvtalrmAfterItsCpuTimeAndReloads() {
        assertEquals(0, set(p, VIRTUAL, 5_000, 10_000));
        assertArrayEquals(new long[] {0, 0}, itimerval(p, buf + 32), "no old timer");
        run(micros(4_000));
        long[] now = get(p, VIRTUAL);
        assertEquals(5_000, now[0], "the interval");
        assertTrue(now[1] > 5_000 && now[1] <= 6_000, "about 6 ms of CPU left: " + now[1]);
        assertFalse(p.signals().isPending(SIGVTALRM));
        run(micros(6_000));
        assertTrue(p.signals().isPending(SIGVTALRM), "expired after 10 ms of CPU");
        assertFalse(p.signals().isPending(SIGPROF));
        now = get(p, VIRTUAL);
        assertTrue(now[1] > 4_000 && now[1] <= 5_000, "reloaded with the interval: " + now[1]);
    }

    @Test
    void itimerProfSendsSigprofAndAOneShotTimerDisarms() {
        assertEquals(0, set(p, PROF, 0, 2_000));
        run(micros(2_000));
        assertTrue(p.signals().isPending(SIGPROF));
        assertFalse(p.signals().isPending(SIGVTALRM));
        assertArrayEquals(new long[] {0, 0}, get(p, PROF), "no interval: disarmed");
    }

    @Test
    void settingReturnsTheOldValueAndDisarmingKeepsTheInterval() {
        assertEquals(0, set(p, VIRTUAL, 3_000, 1_000_000));
        assertEquals(0, set(p, VIRTUAL, 7_000, 0));
        long[] old = itimerval(p, buf + 32);
        assertEquals(3_000, old[0]);
        assertTrue(old[1] > 0 && old[1] <= 1_000_000, "the time that was left: " + old[1]);
        assertArrayEquals(new long[] {7_000, 0}, get(p, VIRTUAL), "disarmed, its interval kept (set_cpu_itimer)");
        run(micros(2_000_000));
        assertFalse(p.signals().isPending(SIGVTALRM));
        assertArrayEquals(new long[] {0, 0}, get(p, PROF), "the other timer is untouched");
    }

    @Test
    void aForkedChildHasNoCpuTimers() {
        assertEquals(0, set(p, VIRTUAL, 1_000, 50_000));
        long pid = k.call(p, Syscalls.CLONE, SIGCHLD, 0, 0, 0, 0);
        assertTrue(pid > 0, "fork answered " + pid);
        Process child = k.process(pid);
        assertArrayEquals(new long[] {0, 0}, get(child, VIRTUAL));
        assertEquals(1_000, get(p, VIRTUAL)[0], "the parent keeps its own");
    }

    @Test
    void linuxsErrors() {
        assertEquals(-Errno.EINVAL, set(p, 3, 0, 1_000), "no timer 3");
        assertEquals(-Errno.EINVAL, set(p, -1, 0, 1_000));
        assertTrue(p.userMemory().writeLong(buf + 24, 1_000_000));
        assertEquals(-Errno.EINVAL, k.call(p, SETITIMER, VIRTUAL, buf, 0), "tv_usec of 10^6");
        assertEquals(-Errno.EFAULT, k.call(p, SETITIMER, VIRTUAL, 8, 0), "an unreadable value");
        assertEquals(-Errno.EINVAL, k.call(p, GETITIMER, 3, buf));
        assertEquals(-Errno.EFAULT, k.call(p, GETITIMER, PROF, 8));
        assertTrue(p.userMemory().writeLong(buf + 24, 0));
        assertTrue(p.userMemory().writeLong(buf + 16, 1));
        assertEquals(-Errno.EFAULT, k.call(p, SETITIMER, PROF, buf, 8), "old unwritable");
        assertEquals(1_000_000, get(p, PROF)[1], 1_000, "the timer was set all the same (as Linux)");
    }
}
