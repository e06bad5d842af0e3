package osbox.kernel.core.calls;

import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/** nanosleep(req, rem): sleeps for req's simulated time (the hart runs others meanwhile). */
public final class NanosleepCall implements KernelSyscall {
    @Override
    public long invoke(SyscallFrame c) {
        if (c.woken()) {
            return 0;
        }
        long[] v = new long[1];
        if (!c.memory().readLong(c.arg(0), v)) {
            return -Errno.EFAULT;
        }
        long sec = v[0];
        if (!c.memory().readLong(c.arg(0) + 8, v)) {
            return -Errno.EFAULT;
        }
        long nsec = v[0];
        if (sec < 0 || nsec < 0 || nsec > 999_999_999L) {
            return -Errno.EINVAL;
        }
        long cycles = Math.multiplyHigh(sec, c.frequencyHz()) != 0 ? Long.MAX_VALUE / 2
                : sec * c.frequencyHz() + nsec * c.frequencyHz() / 1_000_000_000L;
        c.sleepUntil(c.now() + Math.min(cycles, Long.MAX_VALUE / 2));
        return RESTART;
    }
}
