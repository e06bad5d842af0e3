package osbox.kernel.core.strace;

/**
 * What a delivered signal says about itself (Linux's siginfo_t, the fields
 * strace shows): the signal, its si_code, and either the sender (si_pid,
 * si_uid), a child's end (si_pid, si_uid, si_status), or a fault's address
 * (si_addr). Make one with the factory for its kind.
 *
 * @param signo  the signal
 * @param code   si_code: SI_USER, SI_KERNEL, SI_TKILL, CLD_*, SEGV_* ...
 * @param kind   which fields follow si_code
 * @param pid    si_pid (sender or child), for USER and CHILD
 * @param uid    si_uid, for USER and CHILD
 * @param status si_status (exit code or signal), for CHILD
 * @param addr   si_addr, for FAULT
 */
public record SigInfo(int signo, int code, Kind kind, int pid, int uid, int status, long addr) {
    /** si_code values of a signal sent by a process or the kernel (asm-generic/siginfo.h). */
    public static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_TKILL = -6;
    /** si_code values of SIGCHLD. */
    public static final int CLD_EXITED = 1, CLD_KILLED = 2, CLD_DUMPED = 3, CLD_TRAPPED = 4, CLD_STOPPED = 5,
            CLD_CONTINUED = 6;
    /** si_code values of the fault signals (SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE). */
    public static final int SEGV_MAPERR = 1, SEGV_ACCERR = 2, BUS_ADRALN = 1, BUS_ADRERR = 2, ILL_ILLOPC = 1,
            ILL_PRVOPC = 5, TRAP_BRKPT = 1, FPE_INTDIV = 1;

    /** Which fields of siginfo a signal carries. */
    public enum Kind {
        /** si_pid and si_uid of the sender (kill, tkill, sigqueue). */
        USER,
        /** No more fields (SI_KERNEL: the kernel's own, e.g. SIGKILL from the OOM killer, SIGALRM). */
        KERNEL,
        /** si_pid, si_uid and si_status of the child (SIGCHLD). */
        CHILD,
        /** si_addr (a fault). */
        FAULT
    }

    /** A signal a process sent with kill (SI_USER) or tkill/tgkill (SI_TKILL). */
    public static SigInfo user(int signo, int code, int senderPid, int senderUid) {
        return new SigInfo(signo, code, Kind.USER, senderPid, senderUid, 0, 0);
    }

    /** A signal the kernel sent on its own (si_code SI_KERNEL). */
    public static SigInfo kernel(int signo) {
        return new SigInfo(signo, SI_KERNEL, Kind.KERNEL, 0, 0, 0, 0);
    }

    /** SIGCHLD: child {@code pid} exited, was killed, stopped... ({@code code} a CLD_*), with its status. */
    public static SigInfo child(int code, int pid, int uid, int status) {
        return new SigInfo(17, code, Kind.CHILD, pid, uid, status, 0);
    }

    /** A fault signal with its si_code (SEGV_MAPERR...) and the faulting address. */
    public static SigInfo fault(int signo, int code, long addr) {
        return new SigInfo(signo, code, Kind.FAULT, 0, 0, 0, addr);
    }

    /**
     * The braces strace prints after the signal's name:
     * {@code {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=2, si_uid=0, si_status=0, si_utime=0, si_stime=0}}.
     */
    public String describe() {
        StringBuilder out = new StringBuilder("{si_signo=").append(SignalNames.name(signo))
                .append(", si_code=").append(codeName());
        switch (kind) {
            case USER -> out.append(", si_pid=").append(pid).append(", si_uid=").append(uid);
            case CHILD -> out.append(", si_pid=").append(pid).append(", si_uid=").append(uid)
                    .append(", si_status=").append(code == CLD_EXITED ? Integer.toString(status)
                            : SignalNames.name(status))
                    .append(", si_utime=0, si_stime=0");
            case FAULT -> out.append(", si_addr=").append(Formats.pointer(addr));
            default -> { }
        }
        return out.append('}').toString();
    }

    // si_code by name: the generic codes, else those of the signal's own family.
    private String codeName() {
        switch (code) {
            case SI_USER: return "SI_USER";
            case SI_KERNEL: return "SI_KERNEL";
            case SI_QUEUE: return "SI_QUEUE";
            case SI_TIMER: return "SI_TIMER";
            case SI_TKILL: return "SI_TKILL";
            default: break;
        }
        String[] names = switch (signo) {
            case 17 -> new String[] {null, "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED", "CLD_STOPPED",
                "CLD_CONTINUED"};
            case 11 -> new String[] {null, "SEGV_MAPERR", "SEGV_ACCERR"};
            case 7 -> new String[] {null, "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"};
            case 4 -> new String[] {null, "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC",
                "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK"};
            case 5 -> new String[] {null, "TRAP_BRKPT", "TRAP_TRACE"};
            case 8 -> new String[] {null, "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND",
                "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"};
            default -> new String[0];
        };
        return code > 0 && code < names.length ? names[code] : Integer.toString(code);
    }
}
