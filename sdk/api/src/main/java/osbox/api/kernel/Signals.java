package osbox.api.kernel;

/** Linux signal numbers (riscv64 uses the generic ones). */
public final class Signals {
    public static final int SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6,
            SIGBUS = 7, SIGFPE = 8, SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13,
            SIGALRM = 14, SIGTERM = 15, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGXCPU = 24, SIGXFSZ = 25,
            SIGSYS = 31;

    private Signals() {
    }

    /** "SIGSEGV" for 11, and so on; "SIG" + number otherwise. */
    public static String name(int sig) {
        switch (sig) {
            case SIGHUP: return "SIGHUP";
            case SIGINT: return "SIGINT";
            case SIGQUIT: return "SIGQUIT";
            case SIGILL: return "SIGILL";
            case SIGTRAP: return "SIGTRAP";
            case SIGABRT: return "SIGABRT";
            case SIGBUS: return "SIGBUS";
            case SIGFPE: return "SIGFPE";
            case SIGKILL: return "SIGKILL";
            case SIGUSR1: return "SIGUSR1";
            case SIGSEGV: return "SIGSEGV";
            case SIGUSR2: return "SIGUSR2";
            case SIGPIPE: return "SIGPIPE";
            case SIGALRM: return "SIGALRM";
            case SIGTERM: return "SIGTERM";
            case SIGCHLD: return "SIGCHLD";
            case SIGCONT: return "SIGCONT";
            case SIGSTOP: return "SIGSTOP";
            case SIGXCPU: return "SIGXCPU";
            case SIGXFSZ: return "SIGXFSZ";
            case SIGSYS: return "SIGSYS";
            default: return "SIG" + sig;
        }
    }
}
