package osbox.kernel.core.strace;

/**
 * The kernel's {@code struct siginfo} (the 128 bytes a handler gets, from
 * {@code proc.SigInfo.bytes()}) as strace prints it after the signal's
 * name. Which fields follow si_code is Linux's siginfo_layout: a fault
 * signal with a positive code its si_addr; SIGCHLD with a CLD_* code the
 * child's si_pid, si_uid and si_status; SI_KERNEL nothing more; any other
 * (kill, tkill, sigqueue) the sender's si_pid and si_uid.
 */
final class SiginfoFormat {
    /** si_code values of a signal sent by a process or the kernel (asm-generic/siginfo.h). */
    static final int SI_USER = 0, SI_KERNEL = 0x80, SI_QUEUE = -1, SI_TIMER = -2, SI_TKILL = -6;
    private static final int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11, SIGCHLD = 17;
    private static final int CLD_EXITED = 1;
    /** sizeof(struct siginfo). */
    static final int SIZE = 128;

    private SiginfoFormat() {
    }

    /**
     * The braces strace prints after the signal's name, e.g.
     * {@code {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=2, si_uid=0, si_status=0, si_utime=0, si_stime=0}};
     * siginfo is the struct's bytes, little-endian (its first 32 are read).
     */
    static String describe(byte[] siginfo) {
        int signo = (int) Formats.field(siginfo, 0, 4, true);
        int code = (int) Formats.field(siginfo, 8, 4, true);
        StringBuilder out = new StringBuilder("{si_signo=").append(SignalNames.name(signo))
                .append(", si_code=").append(codeName(signo, code));
        int pid = (int) Formats.field(siginfo, 16, 4, true);
        int uid = (int) Formats.field(siginfo, 20, 4, false);
        if (isFault(signo) && code > 0 && code != SI_KERNEL) {
            out.append(", si_addr=").append(Formats.pointer(Formats.field(siginfo, 16, 8, false)));
        } else if (signo == SIGCHLD && code > 0 && code != SI_KERNEL) {
            int status = (int) Formats.field(siginfo, 24, 4, true);
            out.append(", si_pid=").append(pid).append(", si_uid=").append(uid)
                    .append(", si_status=").append(code == CLD_EXITED ? Integer.toString(status)
                            : SignalNames.name(status))
                    .append(", si_utime=0, si_stime=0");
        } else if (code != SI_KERNEL) {
            out.append(", si_pid=").append(pid).append(", si_uid=").append(uid);
        }
        return out.append('}').toString();
    }

    private static boolean isFault(int sig) {
        return sig == SIGILL || sig == SIGTRAP || sig == SIGBUS || sig == SIGFPE || sig == SIGSEGV;
    }

    // si_code by name: the generic codes, else those of the signal's own family.
    private static String codeName(int signo, int code) {
        switch (code) {
            case SI_USER: return "SI_USER";
            case SI_KERNEL: return "SI_KERNEL";
            case SI_QUEUE: return "SI_QUEUE";
            case SI_TIMER: return "SI_TIMER";
            case SI_TKILL: return "SI_TKILL";
            default: break;
        }
        String[] names = switch (signo) {
            case SIGCHLD -> new String[] {null, "CLD_EXITED", "CLD_KILLED", "CLD_DUMPED", "CLD_TRAPPED",
                "CLD_STOPPED", "CLD_CONTINUED"};
            case SIGSEGV -> new String[] {null, "SEGV_MAPERR", "SEGV_ACCERR"};
            case SIGBUS -> new String[] {null, "BUS_ADRALN", "BUS_ADRERR", "BUS_OBJERR"};
            case SIGILL -> new String[] {null, "ILL_ILLOPC", "ILL_ILLOPN", "ILL_ILLADR", "ILL_ILLTRP", "ILL_PRVOPC",
                "ILL_PRVREG", "ILL_COPROC", "ILL_BADSTK"};
            case SIGTRAP -> new String[] {null, "TRAP_BRKPT", "TRAP_TRACE"};
            case SIGFPE -> new String[] {null, "FPE_INTDIV", "FPE_INTOVF", "FPE_FLTDIV", "FPE_FLTOVF", "FPE_FLTUND",
                "FPE_FLTRES", "FPE_FLTINV", "FPE_FLTSUB"};
            default -> new String[0];
        };
        return code > 0 && code < names.length ? names[code] : Integer.toString(code);
    }
}
