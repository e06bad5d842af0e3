package osbox.kernel.syscalls.sysinfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.osgi.service.component.annotations.Component;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.SyscallHandler;
import osbox.api.kernel.Syscalls;

/**
 * times(buf): the caller's CPU time in clock ticks (USER_HZ, 100 a second)
 * in struct tms (utime, stime, cutime, cstime: four longs), when buf is not
 * NULL (EFAULT when it cannot be written); returns the ticks since power-on.
 * All CPU time counts as user time; children's times are not kept yet (0).
 */
@Component(property = {SyscallHandler.NUMBER + ":Integer=" + Syscalls.TIMES, SyscallHandler.NAME + "=times",
        SyscallHandler.STATUS + "=partial: all CPU time counts as user time (tms_stime 0); children's times "
                + "(tms_cutime, tms_cstime) are 0"})
public final class TimesCall implements SyscallHandler {
    /** Linux's USER_HZ: what clock_t counts. */
    static final long TICKS_PER_SECOND = 100;
    static final int TMS_SIZE = 32;

    @Override
    public long invoke(SyscallContext c) {
        if (c.arg(0) != 0) {
            ByteBuffer tms = ByteBuffer.allocate(TMS_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            tms.putLong(0, ticks(c.process().cpuCycles(), c.frequencyHz()));
            if (!c.memory().write(c.arg(0), tms.array(), 0, TMS_SIZE)) {
                return -Errno.EFAULT;
            }
        }
        return ticks(c.now(), c.frequencyHz());
    }

    // Whole clock ticks in a number of cycles at hz.
    private static long ticks(long cycles, long hz) {
        return SimClock.toNanos(cycles, hz) / (1_000_000_000L / TICKS_PER_SECOND);
    }
}
