package osbox.kernel.core.calls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import osbox.api.kernel.Errno;
import osbox.kernel.core.proc.Process;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * times(buf): CPU time in clock ticks (USER_HZ, 100 a second) as struct tms
 * (utime, stime, cutime, cstime: four longs) when buf is not NULL (EFAULT
 * when it cannot be written): the caller's own, its current stretch
 * counted, and that of its reaped children and their reaped descendants.
 * All CPU time is user time (no simulated cycle is spent in the kernel), so
 * the two system times are 0. Returns the ticks since power-on.
 */
public final class TimesCall implements KernelSyscall {
    /** Linux's USER_HZ: what clock_t counts. */
    static final long TICKS_PER_SECOND = 100;
    static final int TMS_SIZE = 32;

    @Override
    public long invoke(SyscallFrame c) {
        long hz = c.frequencyHz();
        if (c.arg(0) != 0) {
            Process p = c.process();
            ByteBuffer tms = ByteBuffer.allocate(TMS_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            tms.putLong(0, ticks(c.dispatcher().cpuUsed(p), hz));
            tms.putLong(16, ticks(p.childrenUsage().userCycles(), hz));
            if (!c.memory().write(c.arg(0), tms.array(), 0, TMS_SIZE)) {
                return -Errno.EFAULT;
            }
        }
        return ticks(c.now(), hz);
    }

    // Whole clock ticks in a number of cycles at hz.
    static long ticks(long cycles, long hz) {
        return cycles / hz * TICKS_PER_SECOND + cycles % hz * TICKS_PER_SECOND / hz;
    }
}
