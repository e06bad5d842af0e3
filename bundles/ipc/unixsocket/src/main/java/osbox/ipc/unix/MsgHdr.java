package osbox.ipc.unix;

import osbox.api.kernel.SyscallContext;

/**
 * struct msghdr on riscv64 (56 bytes): name (8), namelen (4, padded to 8),
 * iov (8), iovlen (8), control (8), controllen (8), flags (4).
 */
record MsgHdr(long name, long iov, long iovlen, long control, long controllen) {
    static final int NAMELEN = 8, CONTROLLEN = 40, FLAGS = 48;

    /** The msghdr at addr, or null when it cannot be read. */
    static MsgHdr read(SyscallContext c, long addr) {
        long[] f = new long[6];
        long[] v = new long[1];
        for (int i = 0; i < 6; i++) {
            if (!c.memory().readLong(addr + 8L * i, v)) {
                return null;
            }
            f[i] = v[0];
        }
        return new MsgHdr(f[0], f[2], f[3], f[4], f[5]);
    }
}
