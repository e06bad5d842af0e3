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

/**
 * futex for one-thread processes, as glibc's std::call_once and
 * pthread_once use it: FUTEX_WAKE wakes no one, FUTEX_WAIT answers EAGAIN
 * for a changed word or sleeps to its timeout; Linux's errors for bad
 * addresses, bitsets and timespecs; ENOSYS for the operations not modelled.
 */
class FutexCallTest {
    private static final int WAKE_PRIVATE = FutexCall.FUTEX_WAKE | FutexCall.FUTEX_PRIVATE_FLAG;
    private static final int WAIT_PRIVATE = FutexCall.FUTEX_WAIT | FutexCall.FUTEX_PRIVATE_FLAG;
    private final KernelBench k = new KernelBench();
    private Process p;
    private long page;

    @BeforeEach
    void start() throws Exception {
        p = k.spawn("once");
        page = k.map(p, 1);
        assertTrue(p.userMemory().writeInt(page, 2));
    }

    @Test
    void wakeWakesNoOneAndChecksTheAddress() {
        assertEquals(0, k.call(p, Syscalls.FUTEX, page, WAKE_PRIVATE, Integer.MAX_VALUE, 0, 0, 0));
        assertEquals(0, k.call(p, Syscalls.FUTEX, page, FutexCall.FUTEX_WAKE, 1, 0, 0, 0), "shared futex too");
        assertEquals(0, k.call(p, Syscalls.FUTEX, page, FutexCall.FUTEX_WAKE_BITSET, 1, 0, 0, -1));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.FUTEX, page, FutexCall.FUTEX_WAKE_BITSET, 1, 0, 0, 0),
                "a zero bitset");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.FUTEX, page + 2, WAKE_PRIVATE, 1, 0, 0, 0), "misaligned");
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.FUTEX, 0xffff_ffc0_0000_0000L, WAKE_PRIVATE, 1, 0, 0, 0));
    }

    @Test
    void waitOnAChangedWordIsEagainAndOnABadOneEfault() {
        assertEquals(-Errno.EAGAIN, k.call(p, Syscalls.FUTEX, page, WAIT_PRIVATE, 1, 0, 0, 0));
        assertEquals(-Errno.EFAULT, k.call(p, Syscalls.FUTEX, page + 4096, WAIT_PRIVATE, 2, 0, 0, 0), "no page there");
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.FUTEX, page + 1, WAIT_PRIVATE, 2, 0, 0, 0), "misaligned");
        assertEquals(ProcessState.RUNNING, p.state());
    }

    @Test
    void waitWithATimeoutSleepsThatLongAndAnswersEtimedout() {
        long timeout = page + 64;
        assertTrue(p.userMemory().writeLong(timeout, 0));
        assertTrue(p.userMemory().writeLong(timeout + 8, 2_000_000_000L));
        assertEquals(-Errno.EINVAL, k.call(p, Syscalls.FUTEX, page, WAIT_PRIVATE, 2, timeout, 0, 0), "2e9 ns");
        assertTrue(p.userMemory().writeLong(timeout + 8, 2500));
        k.hartOf(p).setCounters(10_000, k.hartOf(p).instret());
        k.sleeps(p, Syscalls.FUTEX, page, WAIT_PRIVATE, 2, timeout, 0, 0);
        k.machine.advanceTo(12_499);
        assertEquals(ProcessState.BLOCKED, p.state(), "not yet");
        k.machine.advanceTo(12_500);
        assertEquals(ProcessState.RUNNING, p.state(), "woken after 2.5 us");
        assertEquals(-FutexCall.ETIMEDOUT, k.call(p, Syscalls.FUTEX, page, WAIT_PRIVATE, 2, timeout, 0, 0));
    }

    @Test
    void unmodelledOperationsAreEnosys() {
        int wakeOp = 5;
        int waitRequeuePi = 11;
        int lockPi2 = 13;
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.FUTEX, page, wakeOp, 1, 1, page, 2));
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.FUTEX, page, waitRequeuePi, 2, 0, page + 4, 0));
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.FUTEX, page, lockPi2, 0, 0, 0, 0));
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.FUTEX, page,
                FutexCall.FUTEX_WAKE | FutexCall.FUTEX_CLOCK_REALTIME, 1, 0, 0, 0), "CLOCK_REALTIME with a wake");
        assertEquals(-Errno.ENOSYS, k.call(p, Syscalls.FUTEX, page,
                FutexCall.FUTEX_WAIT | FutexCall.FUTEX_CLOCK_REALTIME, 2, 0, 0, 0), "CLOCK_REALTIME with FUTEX_WAIT");
    }
}
