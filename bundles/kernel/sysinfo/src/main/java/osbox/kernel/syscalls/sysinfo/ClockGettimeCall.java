package osbox.kernel.syscalls.sysinfo;

import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/** clock_gettime(clock, tp): simulated time (monotonic since power-on; realtime from a fixed epoch). */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.CLOCK_GETTIME, SyscallHandler.NAME + "=clock_gettime",
        SyscallHandler.STATUS + "=partial: simulated time (realtime from 2026-01-01 at power-on); CLOCK_TAI, the "
                + "alarm clocks and dynamic (process, thread, fd) clock ids answer EINVAL"})
public final class ClockGettimeCall implements SyscallHandler {
    @Override
    public long invoke(SyscallContext c) {
        long ns = SimClock.nanos(c, (int) c.arg(0));
        if (ns < 0) {
            return -Errno.EINVAL;
        }
        return SimClock.writeTimespec(c, c.arg(1), ns / 1_000_000_000L, ns % 1_000_000_000L) ? 0 : -Errno.EFAULT;
    }
}
