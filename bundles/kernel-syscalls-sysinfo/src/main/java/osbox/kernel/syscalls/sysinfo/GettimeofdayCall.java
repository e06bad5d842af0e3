package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** gettimeofday(tv, tz): realtime in microseconds; tz is ignored as on Linux. */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.GETTIMEOFDAY, SyscallHandler.NAME + "=gettimeofday"})
public final class GettimeofdayCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        if (c.arg(0) == 0) {
            return 0;
        }
        long ns = SimClock.nanos(c, SimClock.CLOCK_REALTIME);
        return SimClock.writeTimespec(c, c.arg(0), ns / 1_000_000_000L, (ns % 1_000_000_000L) / 1000) ? 0 : -Errno.EFAULT;
    }
}
