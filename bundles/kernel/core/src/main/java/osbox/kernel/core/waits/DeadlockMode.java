package osbox.kernel.core.waits;

/**
 * What the kernel does when a wait closes a deadlock (the detection policy,
 * {@code --deadlock}). The victim rules are fixed and deterministic.
 */
public enum DeadlockMode {
    /** No detection at all: the graph keeps its edges, nobody looks for cycles. */
    NONE,
    /** Detect and report (trace event, log, ipc:deadlocks); the tasks stay blocked, as on Linux. */
    REPORT,
    /**
     * Detect, report and break it by refusing the wait that closed the cycle:
     * that call returns EDEADLK (what Linux does for a PI futex or fcntl lock
     * that would deadlock), its task runs on and the others may follow.
     */
    BREAK,
    /**
     * Detect, report and break it by killing a victim with SIGKILL: the
     * youngest deadlocked process (the highest pid, which has usually done the
     * least work); its exit releases what it held.
     */
    KILL
}
