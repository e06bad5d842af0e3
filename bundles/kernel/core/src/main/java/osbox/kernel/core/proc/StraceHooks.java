package osbox.kernel.core.proc;

import osbox.kernel.core.strace.SigInfo;
import osbox.kernel.core.strace.Traced;

/**
 * Where the process parts of the kernel tell strace what happened to a
 * process: a signal delivered, its end, a fork. Each does nothing (one
 * field test) for a process that is not traced.
 */
public final class StraceHooks {
    private static final int SIGTRAP = 5;
    private static final int SIGFPE = 8;

    private StraceHooks() {
    }

    /** Signal {@code info} is delivered to p: {@code --- SIGCHLD {si_signo=SIGCHLD, ...} ---}. */
    public static void signalDelivered(Process p, SigInfo info) {
        Traced t = p.traced();
        if (t != null) {
            t.signalDelivered(p.tid(), info);
        }
    }

    /**
     * Signal {@code sig} with si_code {@code code} is delivered to p. The
     * last argument is the faulting address for a fault (SIGSEGV, SIGBUS,
     * SIGILL, SIGTRAP, SIGFPE with a positive code), the sender's pid for
     * a signal a process sent (SI_USER, SI_TKILL, SI_QUEUE), and unused for
     * SI_KERNEL. SIGCHLD, which says more, takes the {@link SigInfo} form.
     */
    public static void signalDelivered(Process p, int sig, int code, long addr) {
        if (p.traced() == null) {
            return;
        }
        boolean fault = code > 0 && code != SigInfo.SI_KERNEL && (sig == 11 || sig == 7 || sig == 4
                || sig == SIGTRAP || sig == SIGFPE);
        SigInfo info = fault ? SigInfo.fault(sig, code, addr)
                : code == SigInfo.SI_KERNEL ? SigInfo.kernel(sig)
                : SigInfo.user(sig, code, (int) addr, 0);
        signalDelivered(p, info);
    }

    /** p ended with wait status {@code status}: {@code +++ exited with 0 +++} or {@code +++ killed by SIGSEGV +++}. */
    static void exited(Process p, int status) {
        Traced t = p.traced();
        if (t != null) {
            t.exited(p.pid(), status);
        }
    }

    /** The child of a traced parent is traced too when the parent's log follows forks (strace -f). */
    static void forked(Process parent, Process child) {
        Traced t = parent.traced();
        if (t != null) {
            child.setTraced(t.forChild());
        }
    }
}
