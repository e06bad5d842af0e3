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
    KILL;

    /** Its name as the user gives it: none, report, break, kill. */
    public String policyName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The mode named {@code name}; IllegalArgumentException naming the known ones otherwise. */
    public static DeadlockMode named(String name) {
        for (DeadlockMode m : values()) {
            if (m.policyName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no deadlock policy '" + name + "' (known: none, report, break, kill)");
    }
}
