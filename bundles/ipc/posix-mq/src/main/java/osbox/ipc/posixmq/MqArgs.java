package osbox.ipc.posixmq;

import java.nio.charset.StandardCharsets;
import osbox.api.kernel.Errno;
import osbox.api.kernel.SyscallContext;
import osbox.api.kernel.UserMemory;

/**
 * Reading the calls' arguments from user memory, with Linux's errors: a
 * queue name, a struct mq_attr, an absolute CLOCK_REALTIME timeout.
 */
final class MqArgs {
    /** What CLOCK_REALTIME reads at power-on (2026-01-01T00:00:00Z), as the kernel's clocks. */
    static final long REALTIME_EPOCH_SECONDS = 1_767_225_600L;
    /** No timeout: sleep until woken. */
    static final long FOREVER = Long.MAX_VALUE;
    private static final long NANOS = 1_000_000_000L;

    private MqArgs() {
    }

    /**
     * The queue name at va, as the kernel gets it (glibc has dropped the
     * leading '/'): a negative errno in {@code error[0]} and null when it
     * cannot be used: EFAULT (unreadable), ENAMETOOLONG (PATH_MAX with its
     * NUL, or more than NAME_MAX), EACCES (empty, ".", "..", or with a
     * '/': lookup_one_len refuses them).
     */
    static String name(UserMemory memory, long va, long[] error) {
        byte[] bytes = new byte[MqConstants.PATH_MAX];
        int len = 0;
        byte[] one = new byte[1];
        while (true) {
            if (len == MqConstants.PATH_MAX) {
                error[0] = -Errno.ENAMETOOLONG;
                return null;
            }
            if (!memory.read(va + len, one, 0, 1)) {
                error[0] = -Errno.EFAULT;
                return null;
            }
            if (one[0] == 0) {
                break;
            }
            bytes[len++] = one[0];
        }
        String name = new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
        if (len == 0 || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0) {
            error[0] = -Errno.EACCES;
            return null;
        }
        if (len > MqConstants.NAME_MAX) {
            error[0] = -Errno.ENAMETOOLONG;
            return null;
        }
        return name;
    }

    /** struct mq_attr at va: {mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs}, or null when unreadable. */
    static long[] attr(UserMemory memory, long va) {
        byte[] b = new byte[MqConstants.MQ_ATTR_SIZE];
        if (!memory.read(va, b, 0, b.length)) {
            return null;
        }
        long[] a = new long[4];
        for (int i = 0; i < 4; i++) {
            a[i] = longAt(b, 8 * i);
        }
        return a;
    }

    /** Writes struct mq_attr (the reserved words zero); false when va cannot be written. */
    static boolean writeAttr(UserMemory memory, long va, long flags, long maxmsg, long msgsize, long curmsgs) {
        byte[] b = new byte[MqConstants.MQ_ATTR_SIZE];
        long[] a = {flags, maxmsg, msgsize, curmsgs};
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 8; k++) {
                b[8 * i + k] = (byte) (a[i] >>> (8 * k));
            }
        }
        return memory.write(va, b, 0, b.length);
    }

    /**
     * The absolute CLOCK_REALTIME timeout at va as a deadline in simulated
     * cycles (rounded up, so the call never wakes early): {@link #FOREVER}
     * when va is 0, -EFAULT when unreadable, -EINVAL when tv_sec is
     * negative or tv_nsec is not 0..999999999 (timespec64_valid), checked
     * whether or not the call will have to wait, as Linux does.
     */
    static long deadline(SyscallContext c, long va) {
        if (va == 0) {
            return FOREVER;
        }
        byte[] b = new byte[16];
        if (!c.memory().read(va, b, 0, 16)) {
            return -Errno.EFAULT;
        }
        long sec = longAt(b, 0);
        long nsec = longAt(b, 8);
        if (sec < 0 || nsec < 0 || nsec >= NANOS) {
            return -Errno.EINVAL;
        }
        long since = sec - REALTIME_EPOCH_SECONDS;
        if (since < 0) {
            return 0;
        }
        long hz = c.frequencyHz();
        if (since > (FOREVER - 1) / hz - 1) {
            return FOREVER - 1;
        }
        return since * hz + (nsec * hz + NANOS - 1) / NANOS;
    }

    /** The little-endian long at b[off]. */
    static long longAt(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (b[off + i] & 0xffL) << (8 * i);
        }
        return v;
    }

    /** The little-endian int at b[off]. */
    static int intAt(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
