package osbox.kernel.core.proc;

import osbox.kernel.core.strace.Traced;

/**
 * Where the process parts of the kernel tell strace what happened to a
 * process: a signal delivered, its end, a fork. Each does nothing (one
 * field test) for a process that is not traced.
 */
public final class StraceHooks {
    private StraceHooks() {
    }

    /**
     * Signal {@code info} is delivered to p (to a handler or to its
     * death): {@code --- SIGCHLD {si_signo=SIGCHLD, ...} ---}, decoded from
     * the siginfo bytes the kernel gives handlers.
     */
    public static void signalDelivered(Process p, SigInfo info) {
        Traced t = p.traced();
        if (t != null) {
            t.signalDelivered(p.tid(), info.bytes());
        }
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
