package osbox.kernel.core.proc;

/**
 * Told of every signal delivered to a handler (strace's "--- SIGUSR1 ---"
 * lines): the process, the signal, its si_code and si_addr (or 0). Called
 * on the simulation thread after the frame is on the user stack; it must
 * not change the process.
 */
@FunctionalInterface
public interface SignalObserver {
    /** No one is listening. */
    SignalObserver NONE = (p, sig, code, addr) -> { };

    /** Signal sig (si_code {@code code}, si_addr {@code addr}) was delivered to a handler of p. */
    void delivered(Process p, int sig, int code, long addr);
}
