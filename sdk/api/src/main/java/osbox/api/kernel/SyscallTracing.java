package osbox.api.kernel;

import org.osgi.annotation.versioning.ProviderType;

/**
 * strace for running processes (the kernel provides it; the shell's
 * {@code osbox:strace} uses it): from a process's next system call on,
 * each call is written as one line, {@code [pid N] name(args) = result},
 * with signals delivered ({@code --- SIGCHLD {...} ---}) and its end
 * ({@code +++ exited with 0 +++}). Lines are written on the simulation
 * thread, each flushed when {@code out} is {@link java.io.Flushable}.
 */
@ProviderType
public interface SyscallTracing {
    /**
     * Traces process {@code pid} into {@code out} (replacing any tracing it
     * had); with {@code followForks}, the children it forks from now on are
     * traced too (strace -f). Returns false when there is no such running
     * process.
     */
    boolean trace(int pid, Appendable out, boolean followForks);

    /** Stops tracing process {@code pid}; false when it was not traced. */
    boolean untrace(int pid);
}
