package osbox.kernel.core.proc;

/**
 * One queued signal with what Linux's {@code struct siginfo} says of it:
 * number, code (SI_USER, SI_KERNEL, SI_TKILL, CLD_*, SEGV_*...), the
 * sender's pid and uid (kill, SIGCHLD), the child's status (SIGCHLD) and
 * the faulting address (SIGSEGV, SIGBUS, SIGILL, SIGTRAP). Immutable.
 */
public record SigInfo(int signo, int code, int pid, int uid, int status, long addr) {
    /** si_code values (Linux include/uapi/asm-generic/siginfo.h). */
    public static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_MESGQ = -3, SI_TKILL = -6;
    /** SIGCHLD codes. */
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_STOPPED = 5, CLD_CONTINUED = 6;
    /** Fault codes: SEGV_MAPERR, SEGV_ACCERR, BUS_ADRALN, ILL_ILLOPC, TRAP_BRKPT (all 1 or 2). */
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRALN = 1, ILL_ILLOPC = 1, TRAP_BRKPT = 1;
    /** Size of struct siginfo. */
    public static final int SIZE = 128;

    /** A signal sent by process {@code pid} with kill(2) (SI_USER) or tkill/tgkill (SI_TKILL). */
    public static SigInfo user(int signo, int code, int pid) {
        return new SigInfo(signo, code, pid, 0, 0, 0);
    }

    /**
     * A signal that carries a value (si_value) from process {@code pid}
     * running as {@code uid}: a message queue's notification (SI_MESGQ)
     * or sigqueue's (SI_QUEUE). The value travels in {@link #addr()}.
     */
    public static SigInfo queued(int signo, int code, int pid, int uid, long value) {
        return new SigInfo(signo, code, pid, uid, 0, value);
    }

    /** A signal the kernel sends on its own (SI_KERNEL: timers, job control). */
    public static SigInfo kernel(int signo) {
        return new SigInfo(signo, SI_KERNEL, 0, 0, 0, 0);
    }

    /** A fault's signal: code and address. */
    public static SigInfo fault(int signo, int code, long addr) {
        return new SigInfo(signo, code, 0, 0, 0, addr);
    }

    /**
     * The 128 bytes of {@code struct siginfo} as riscv64 Linux lays them
     * out: si_signo, si_errno, si_code (ints at 0, 4, 8), then the union at
     * 16: si_addr for the fault signals; si_pid, si_uid (ints at 16, 20) and
     * for SIGCHLD si_status (int at 24) with si_utime and si_stime (0);
     * for SI_MESGQ and SI_QUEUE si_value (8 bytes at 24).
     */
    public byte[] bytes() {
        byte[] b = new byte[SIZE];
        putInt(b, 0, signo);
        putInt(b, 8, code);
        if (code == SI_MESGQ || code == SI_QUEUE) {
            putInt(b, 16, pid);
            putInt(b, 20, uid);
            putLong(b, 24, addr);
        } else if (addr != 0 || isFault(signo) && code > 0) {
            putLong(b, 16, addr);
        } else {
            putInt(b, 16, pid);
            putInt(b, 20, uid);
            putInt(b, 24, status);
        }
        return b;
    }

    private static boolean isFault(int sig) {
        return sig == 4 || sig == 5 || sig == 7 || sig == 8 || sig == 11;
    }

    static void putInt(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static void putLong(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    static long getLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (b[off + i] & 0xffL) << (8 * i);
        }
        return v;
    }

    static int getInt(byte[] b, int off) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (b[off + i] & 0xff) << (8 * i);
        }
        return v;
    }
}
