package osbox.ipc.sysv.common;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import osbox.api.kernel.SyscallContext;

/** The flags, commands and little-endian layout helpers of the System V IPC calls (Linux's ipc.h). */
public final class Ipc {
    /** msgget/semget/shmget key: always a new object. */
    public static final int IPC_PRIVATE = 0;
    /** get flags. */
    public static final int IPC_CREAT = 01000, IPC_EXCL = 02000, IPC_NOWAIT = 04000;
    /** ctl commands every kind has. */
    public static final int IPC_RMID = 0, IPC_SET = 1, IPC_STAT = 2, IPC_INFO = 3;
    /** The permission bits of a mode (S_IRWXUGO). */
    public static final int MODE_BITS = 0777;
    /** Read and write, as ipcperms asks them (S_IRUGO, S_IWUGO). */
    public static final int READ = 0444, WRITE = 0222;
    /** What CLOCK_REALTIME reads at power-on, as the kernel's and sysinfo's clocks (2026-01-01). */
    static final long EPOCH_SECONDS = 1_767_225_600L;

    private Ipc() {
    }

    /** The time stamps of ipc structures: seconds of simulated realtime now. */
    public static long seconds(SyscallContext c) {
        return seconds(c.now(), c.frequencyHz());
    }

    /** The time stamps of ipc structures at cycle {@code now} of a clock of frequencyHz (outside a call: an exit). */
    public static long seconds(long now, long frequencyHz) {
        return EPOCH_SECONDS + now / frequencyHz;
    }

    /** A zeroed little-endian buffer of n bytes, for a structure going to user memory. */
    public static ByteBuffer struct(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads n bytes of user memory at va as a little-endian buffer, or null when they are not readable. */
    public static ByteBuffer read(SyscallContext c, long va, int n) {
        byte[] b = new byte[n];
        return c.memory().read(va, b, 0, n) ? ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN) : null;
    }

    /** Writes a structure to user memory at va: false (EFAULT) when it does not fit. */
    public static boolean write(SyscallContext c, long va, ByteBuffer b) {
        return c.memory().write(va, b.array(), 0, b.capacity());
    }
}
