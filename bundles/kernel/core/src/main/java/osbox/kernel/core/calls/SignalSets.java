package osbox.kernel.core.calls;

import osbox.kernel.core.syscall.SyscallFrame;

/** User-memory helpers of the signal calls: sigset_t (8 bytes on riscv64) in and out. */
final class SignalSets {
    /** sizeof(sigset_t), the only sigsetsize the rt_sig* calls accept. */
    static final long SIGSET_SIZE = 8;

    private SignalSets() {
    }

    /** Reads a sigset at addr into out[0]; false when unreadable. */
    static boolean read(SyscallFrame c, long addr, long[] out) {
        return Fds.accessOk(addr, SIGSET_SIZE) && c.memory().readLong(addr, out);
    }

    /** Reads n consecutive longs (a struct of them) at addr; null when any is unreadable. */
    static long[] readLongs(SyscallFrame c, long addr, int n) {
        if (!Fds.accessOk(addr, 8L * n)) {
            return null;
        }
        long[] out = new long[n];
        long[] v = new long[1];
        for (int i = 0; i < n; i++) {
            if (!c.memory().readLong(addr + 8L * i, v)) {
                return null;
            }
            out[i] = v[0];
        }
        return out;
    }

    /** Writes a sigset at addr; false when unwritable. */
    static boolean write(SyscallFrame c, long addr, long set) {
        return Fds.accessOk(addr, SIGSET_SIZE) && c.memory().writeLong(addr, set);
    }
}
