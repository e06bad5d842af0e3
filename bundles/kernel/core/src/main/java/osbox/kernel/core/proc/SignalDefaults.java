package osbox.kernel.core.proc;

import osbox.api.kernel.Signals;

/** Default signal actions (signal(7)): what a signal with no handler does. */
public final class SignalDefaults {
    /** The default actions. */
    public enum Action { TERMINATE, CORE, IGNORE, STOP, CONTINUE }

    /** SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGWINCH (the API names only the common ones). */
    public static final int SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22, SIGURG = 23, SIGWINCH = 28;

    private SignalDefaults() {
    }

    /** sig's default action (1..64). */
    public static Action action(int sig) {
        switch (sig) {
            case Signals.SIGCHLD:
            case SIGURG:
            case SIGWINCH:
                return Action.IGNORE;
            case Signals.SIGCONT:
                return Action.CONTINUE;
            case Signals.SIGSTOP:
            case SIGTSTP:
            case SIGTTIN:
            case SIGTTOU:
                return Action.STOP;
            case Signals.SIGQUIT:
            case Signals.SIGILL:
            case Signals.SIGTRAP:
            case Signals.SIGABRT:
            case Signals.SIGBUS:
            case Signals.SIGFPE:
            case Signals.SIGSEGV:
            case Signals.SIGXCPU:
            case Signals.SIGXFSZ:
            case Signals.SIGSYS:
                return Action.CORE;
            default:
                return Action.TERMINATE;
        }
    }

    /** Whether the default action of sig terminates (with or without core); false for ignore, stop, continue. */
    public static boolean terminates(int sig) {
        Action a = action(sig);
        return sig >= 1 && sig <= 64 && (a == Action.TERMINATE || a == Action.CORE);
    }

    /** Whether sig stops a process by default. */
    public static boolean stops(int sig) {
        return action(sig) == Action.STOP;
    }

    /** The stop signals as a set. */
    public static final long STOP_SET = SignalState.bit(Signals.SIGSTOP) | SignalState.bit(SIGTSTP)
            | SignalState.bit(SIGTTIN) | SignalState.bit(SIGTTOU);

    /** The synchronous fault signals Linux delivers first (SYNCHRONOUS_MASK). */
    public static final long SYNCHRONOUS = SignalState.bit(Signals.SIGSEGV) | SignalState.bit(Signals.SIGBUS)
            | SignalState.bit(Signals.SIGILL) | SignalState.bit(Signals.SIGTRAP) | SignalState.bit(Signals.SIGFPE)
            | SignalState.bit(Signals.SIGSYS);
}
