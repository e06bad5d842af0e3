package osbox.api.kernel;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates processes and tells about them. Simulation thread only: from other
 * threads go through {@link osbox.api.hw.Machine#call}.
 */
@ProviderType
public interface ProcessManager {
    /**
     * Creates a process running {@code image} (an executable file's bytes)
     * with the given argument and environment vectors; it becomes READY.
     *
     * @throws ExecFormatException when the image cannot be run (reason in the message)
     */
    int spawn(String path, byte[] image, List<String> argv, List<String> envp) throws ExecFormatException;

    /**
     * The same, with scheduling attributes (nice, priority, tickets, hints)
     * for the new process; forked children inherit them.
     */
    int spawn(String path, byte[] image, List<String> argv, List<String> envp,
            osbox.api.sched.TaskAttributes attributes) throws ExecFormatException;

    Optional<ProcessView> process(int pid);

    /** Every process not yet reaped, by pid (one view per process: its first thread, the leader). */
    List<ProcessView> processes();

    /**
     * Every thread not yet ended, by tid (each view's {@link ProcessView#tid()}
     * names the thread, its {@link ProcessView#pid()} the process). A kernel
     * without threads answers {@link #processes()}. Since 1.8.
     */
    default List<ProcessView> threads() {
        return processes();
    }

    /** Calls {@code listener} whenever a process exits (becomes a zombie). */
    void addExitListener(Consumer<ProcessView> listener);

    void removeExitListener(Consumer<ProcessView> listener);

    /**
     * Calls {@code listener} whenever a thread ends (its last one too, just
     * before the process's exit listeners hear of the process), with that
     * thread's view: its tid, pid, name and accounting. A kernel without
     * threads tells nobody (this default). Since 1.9.
     */
    default void addThreadExitListener(Consumer<ProcessView> listener) {
    }

    /** Removes a thread exit listener. Since 1.9. */
    default void removeThreadExitListener(Consumer<ProcessView> listener) {
    }

    /**
     * Sends signal sig to every process in group pgid (&gt; 0), as killpg
     * does, from the kernel itself (a driver: the terminal's ^C, ^Z,
     * SIGWINCH). Returns 0, or -ESRCH when the group has no process,
     * -EINVAL for a bad signal or group. Since 1.6.
     */
    long killGroup(int pgid, int sig);

    /**
     * Queues signal sig (1..64) for process pid from the kernel on behalf of
     * a subsystem, with the siginfo it describes: si_code {@code code} (a
     * message queue's SI_MESGQ, -3), the sender's pid and real uid, and
     * si_value {@code value} (sival_int or sival_ptr); delivered as kill(2)'s
     * are. Returns 0, -ESRCH when no such live process, -EINVAL for a bad
     * signal; a kernel without the facility answers -ENOSYS. Since 1.8.
     */
    default long queueSignal(int pid, int sig, int code, int senderPid, int senderUid, long value) {
        return -Errno.ENOSYS;
    }

    /**
     * Every open file description a descriptor of a living process refers
     * to, each once, by pid and then descriptor (descriptors in flight in
     * an SCM_RIGHTS message are not included). How a mechanism's successor
     * finds the descriptions its predecessor gave out, to take them over.
     * Simulation thread only. Since 1.9.
     */
    default List<OpenFile> openFiles() {
        return List.of();
    }
}
