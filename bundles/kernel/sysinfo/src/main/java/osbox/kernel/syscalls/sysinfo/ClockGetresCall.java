package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** clock_getres(clock, res): one simulated cycle, rounded up to a nanosecond. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.CLOCK_GETRES, SyscallHandler.NAME + "=clock_getres",
        SyscallHandler.STATUS + "=partial: one simulated cycle; CLOCK_TAI, the alarm clocks and dynamic (process, "
                + "thread, fd) clock ids answer EINVAL"})
public final class ClockGetresCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        if (SimClock.nanos(c, (int) c.arg(0)) < 0) {
            return -Errno.EINVAL;
        }
        if (c.arg(1) == 0) {
            return 0;
        }
        long ns = Math.max(1, 1_000_000_000L / c.frequencyHz());
        return SimClock.writeTimespec(c, c.arg(1), 0, ns) ? 0 : -Errno.EFAULT;
    }
}
