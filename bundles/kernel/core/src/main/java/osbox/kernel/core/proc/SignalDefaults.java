package osbox.kernel.core.proc;

import osbox.api.kernel.Signals;

/** Default signal actions (signal(7)): which signals terminate a process that has no handler. */
public final class SignalDefaults {
    private SignalDefaults() {
    }

    /** Whether the default action of sig terminates (with or without core); false for ignore and stop. */
    public static boolean terminates(int sig) {
        switch (sig) {
            case Signals.SIGCHLD:
            case Signals.SIGCONT:
            case 23: // SIGURG
            case 28: // SIGWINCH
            case Signals.SIGSTOP:
            case 20: // SIGTSTP
            case 21: // SIGTTIN
            case 22: // SIGTTOU
                return false;
            default:
                return sig >= 1 && sig <= 64;
        }
    }
}
