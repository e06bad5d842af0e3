package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * futex(uaddr, op, val, timeout, uaddr2, val3) for processes of one thread,
 * which is all osbox has. glibc calls it even then: libstdc++'s
 * std::call_once and glibc's pthread_once end with FUTEX_WAKE, and glibc
 * aborts ("The futex facility returned an unexpected error code") on ENOSYS.
 * <ul>
 * <li>FUTEX_WAKE, FUTEX_WAKE_BITSET: nobody can be waiting (a waiter would be
 * another thread), so 0 woken; EINVAL for a misaligned uaddr or a zero bitset,
 * EFAULT for one outside the user half.</li>
 * <li>FUTEX_WAIT, FUTEX_WAIT_BITSET: EFAULT if the word cannot be read,
 * EAGAIN if it is not val; otherwise the lone thread sleeps until the
 * timeout (relative for WAIT, absolute CLOCK_MONOTONIC for WAIT_BITSET) and
 * answers ETIMEDOUT, or for ever without one, as it would on Linux.</li>
 * <li>FUTEX_CLOCK_REALTIME and the other operations (requeue, wake_op,
 * priority inheritance): ENOSYS, which Linux also answers for unknown ones.</li>
 * </ul>
 */
public final class FutexCall implements KernelSyscall {
    static final int FUTEX_WAIT = 0, FUTEX_WAKE = 1, FUTEX_WAIT_BITSET = 9, FUTEX_WAKE_BITSET = 10;
    static final int FUTEX_PRIVATE_FLAG = 128, FUTEX_CLOCK_REALTIME = 256;
    // Linux's TASK_SIZE check in get_futex_key: the user half of Sv39
    private static final long USER_TOP = 1L << 38;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    // Linux's ETIMEDOUT (not among the API's Errno constants)
    static final int ETIMEDOUT = 110;

    @Override
    public long invoke(SyscallFrame c) {
        int op = (int) c.arg(1);
        int cmd = op & ~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
        if ((op & FUTEX_CLOCK_REALTIME) != 0) {
            return -Errno.ENOSYS;
        }
        switch (cmd) {
            case FUTEX_WAKE:
            case FUTEX_WAKE_BITSET:
                return wake(c, cmd);
            case FUTEX_WAIT:
            case FUTEX_WAIT_BITSET:
                return waitFor(c, cmd);
            default:
                return -Errno.ENOSYS;
        }
    }

    // FUTEX_WAKE(_BITSET): checks the address as Linux does; no thread can be waiting
    private static long wake(SyscallFrame c, int cmd) {
        long uaddr = c.arg(0);
        if (cmd == FUTEX_WAKE_BITSET && (int) c.arg(5) == 0) {
            return -Errno.EINVAL;
        }
        if ((uaddr & 3) != 0) {
            return -Errno.EINVAL;
        }
        if (Long.compareUnsigned(uaddr, USER_TOP - 4) > 0) {
            return -Errno.EFAULT;
        }
        return 0;
    }

    // FUTEX_WAIT(_BITSET): EAGAIN unless *uaddr == val; then sleep to the timeout (or for ever)
    private static long waitFor(SyscallFrame c, int cmd) {
        if (c.woken()) {
            return -ETIMEDOUT;
        }
        long uaddr = c.arg(0);
        if (cmd == FUTEX_WAIT_BITSET && (int) c.arg(5) == 0) {
            return -Errno.EINVAL;
        }
        if ((uaddr & 3) != 0) {
            return -Errno.EINVAL;
        }
        byte[] word = new byte[4];
        if (!c.memory().read(uaddr, word, 0, 4)) {
            return -Errno.EFAULT;
        }
        int value = (word[0] & 0xff) | (word[1] & 0xff) << 8 | (word[2] & 0xff) << 16 | word[3] << 24;
        if (value != (int) c.arg(2)) {
            return -Errno.EAGAIN;
        }
        long deadline = Long.MAX_VALUE / 2;
        if (c.arg(3) != 0) {
            long[] sec = new long[1];
            long[] nsec = new long[1];
            if (!c.memory().readLong(c.arg(3), sec) || !c.memory().readLong(c.arg(3) + 8, nsec)) {
                return -Errno.EFAULT;
            }
            if (sec[0] < 0 || nsec[0] < 0 || nsec[0] >= NANOS_PER_SECOND) {
                return -Errno.EINVAL;
            }
            long cycles = toCycles(sec[0], nsec[0], c.frequencyHz());
            deadline = cmd == FUTEX_WAIT ? c.now() + Math.min(cycles, Long.MAX_VALUE / 4) : cycles;
            if (deadline <= c.now()) {
                return -ETIMEDOUT;
            }
        }
        c.sleepUntil(deadline);
        return RESTART;
    }

    // seconds and nanoseconds as cycles of the simulated clock, capped far in the future
    private static long toCycles(long sec, long nsec, long hz) {
        if (Math.multiplyHigh(sec, hz) != 0 || sec * hz > Long.MAX_VALUE / 4) {
            return Long.MAX_VALUE / 4;
        }
        return sec * hz + nsec * hz / NANOS_PER_SECOND;
    }
}
