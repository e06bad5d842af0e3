package osbox.api.kernel;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's deadlock detector as the shell and the launcher see it: the
 * detection policy in use and the deadlocks found. The kernel keeps a
 * wait-for graph over the waits it sees (pipes, wait4, and what bundles
 * pass to {@link SyscallContext#waitFor}); when a wait closes a cycle the
 * policy decides: {@code none} (no detection), {@code report} (a trace
 * event, a log line, the list here; the tasks stay blocked), {@code break}
 * (also refuses the wait that closed the cycle: that call returns EDEADLK)
 * or {@code kill} (also kills the youngest deadlocked process, the highest
 * pid, with SIGKILL). Any thread; the kernel runs the calls on the
 * simulation thread. Since 1.8.
 */
@ProviderType
public interface DeadlockDetection {
    /** The policies, in the order {@code deadlock:list} shows them. */
    List<String> POLICIES = List.of("none", "report", "break", "kill");

    /** The framework property that chooses the policy at boot ({@code osbox run --deadlock NAME}). */
    String PROPERTY = "osbox.deadlock";

    /** The policy in use. */
    String policy();

    /**
     * Uses policy {@code name} from the next wait on; IllegalArgumentException
     * naming the known policies when there is no such policy.
     */
    void use(String name);

    /** The deadlocks found since boot (the most recent 64), oldest first. */
    List<Found> deadlocks();

    /**
     * One deadlock.
     *
     * @param number  its number, from 1
     * @param cycle   the simulated cycle it closed at
     * @param current whether every member still waits as it did (false once one woke, was killed or broken)
     * @param pids    the deadlocked processes, ascending
     * @param text    the cycle: "pid 3 (a) waits for pipe:[1] (...), held by pid 4 (b); ..."
     * @param action  what the policy did: "reported", "refused pid N's wait with EDEADLK", "killed pid N ..."
     */
    record Found(int number, long cycle, boolean current, List<Integer> pids, String text, String action) {
    }
}
