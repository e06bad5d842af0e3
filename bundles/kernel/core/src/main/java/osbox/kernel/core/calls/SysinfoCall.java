package osbox.kernel.core.calls;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import osbox.api.memory.FrameUsage;
import osbox.api.kernel.Errno;
import osbox.kernel.core.syscall.KernelSyscall;
import osbox.kernel.core.syscall.SyscallFrame;

/**
 * sysinfo(info): Linux's struct sysinfo (112 bytes on riscv64) from the
 * machine: uptime in whole simulated seconds since power-on (rounded up, as
 * Linux does), total and free physical memory and swap, the process count
 * (zombies too, until reaped, as Linux's nr_threads), mem_unit 1. The load
 * averages are 0 (osbox keeps none); shared and buffer memory 0.
 */
public final class SysinfoCall implements KernelSyscall {
    static final int SIZE = 112;
    static final int PAGE = 4096;

    @Override
    public long invoke(SyscallFrame c) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long hz = c.frequencyHz();
        long now = c.dispatcher().now();
        b.putLong(0, now / hz + (now % hz != 0 ? 1 : 0));
        FrameUsage frames = c.vm().frames();
        b.putLong(32, frames.total() * PAGE);
        b.putLong(40, frames.available() * PAGE);
        b.putLong(64, c.vm().swapSlots() * PAGE);
        b.putLong(72, (c.vm().swapSlots() - c.vm().swapSlotsUsed()) * PAGE);
        b.putShort(80, (short) Math.min(c.processes().size(), 0xffff));
        b.putInt(104, 1);
        return c.memory().write(c.arg(0), b.array(), 0, SIZE) ? 0 : -Errno.EFAULT;
    }
}
