package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/**
 * gettimeofday(tv, tz): realtime in microseconds; tz, when not NULL, is
 * filled with a zero struct timezone (minuteswest, dsttime) as on Linux,
 * so a bad tz pointer answers EFAULT.
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETTIMEOFDAY, SyscallHandler.NAME + "=gettimeofday",
        SyscallHandler.STATUS + "=partial: simulated time: realtime starts at 2026-01-01T00:00:00Z at power-on; tz"
                + " is always zero"})
public final class GettimeofdayCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        if (c.arg(0) != 0) {
            long ns = SimClock.nanos(c, SimClock.CLOCK_REALTIME);
            if (!SimClock.writeTimespec(c, c.arg(0), ns / 1_000_000_000L, (ns % 1_000_000_000L) / 1000)) {
                return -Errno.EFAULT;
            }
        }
        if (c.arg(1) != 0 && !c.memory().write(c.arg(1), new byte[8], 0, 8)) {
            return -Errno.EFAULT;
        }
        return 0;
    }
}
