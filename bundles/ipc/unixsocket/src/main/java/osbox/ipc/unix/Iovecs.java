package osbox.ipc.unix;

import osbox.api.kernel.Errno;
import osbox.api.kernel.UserMemory;

/**
 * A list of user buffers (struct iovec {base, len} on riscv64: 16 bytes),
 * as sendmsg and recvmsg take them, or one buffer (send, recv, read,
 * write). Gathers bytes out of them and scatters bytes into them.
 */
final class Iovecs {
    static final int IOV_MAX = 1024;
    /** The top of the user half of Sv39 (Linux's TASK_SIZE): buffers must lie below. */
    static final long USER_TOP = 0x40_0000_0000L;

    final long[] bases;
    final long[] lens;

    private Iovecs(long[] bases, long[] lens) {
        this.bases = bases;
        this.lens = lens;
    }

    /** One buffer of len bytes at base. */
    static Iovecs of(long base, long len) {
        return new Iovecs(new long[] {base}, new long[] {len});
    }

    /**
     * Reads count iovecs at iov: the list, or null with errno[0] set
     * (EMSGSIZE beyond IOV_MAX, EFAULT for an unreadable array or a buffer
     * outside the user half, EINVAL for a negative length).
     */
    static Iovecs read(UserMemory m, long iov, long count, int[] errno) {
        if (count < 0 || count > IOV_MAX) {
            errno[0] = Sockets.EMSGSIZE;
            return null;
        }
        long[] bases = new long[(int) count];
        long[] lens = new long[(int) count];
        long[] v = new long[1];
        for (int i = 0; i < count; i++) {
            if (!m.readLong(iov + 16L * i, v)) {
                errno[0] = Errno.EFAULT;
                return null;
            }
            bases[i] = v[0];
            if (!m.readLong(iov + 16L * i + 8, v)) {
                errno[0] = Errno.EFAULT;
                return null;
            }
            lens[i] = v[0];
            if (lens[i] < 0) {
                errno[0] = Errno.EINVAL;
                return null;
            }
            if (Long.compareUnsigned(lens[i], USER_TOP) > 0
                    || Long.compareUnsigned(bases[i], USER_TOP - lens[i]) > 0) {
                errno[0] = Errno.EFAULT;
                return null;
            }
        }
        errno[0] = 0;
        return new Iovecs(bases, lens);
    }

    /** The total length (capped at Integer.MAX_VALUE: no send is larger). */
    long total() {
        long t = 0;
        for (long l : lens) {
            t += l;
        }
        return Math.min(t, Integer.MAX_VALUE);
    }

    /** The first n bytes of the buffers, in order, or null when one cannot be read. */
    byte[] gather(UserMemory m, int n) {
        byte[] out = new byte[n];
        int at = 0;
        for (int i = 0; i < bases.length && at < n; i++) {
            int k = (int) Math.min(lens[i], n - at);
            if (k > 0 && !m.read(bases[i], out, at, k)) {
                return null;
            }
            at += k;
        }
        return out;
    }

    /** Writes b[off, off+n) to the buffers in order; false when one cannot be written. */
    boolean scatter(UserMemory m, byte[] b, int off, int n) {
        int at = 0;
        for (int i = 0; i < bases.length && at < n; i++) {
            int k = (int) Math.min(lens[i], n - at);
            if (k > 0 && !m.write(bases[i], b, off + at, k)) {
                return false;
            }
            at += k;
        }
        return true;
    }
}
