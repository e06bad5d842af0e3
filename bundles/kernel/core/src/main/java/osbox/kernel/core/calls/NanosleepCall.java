package osbox.kernel.core.calls;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** nanosleep(req, rem): sleeps for req's simulated time (the hart runs others meanwhile). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.NANOSLEEP, SyscallHandler.NAME + "=nanosleep"})
public final class NanosleepCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
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
