package osbox.api.kernel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something a task can block waiting for that the kernel's deadlock
 * detector sees: the data in a pipe (held by the holders of its write end),
 * room in a pipe (the holders of its read end), a child's exit (the
 * children), a semaphore (whoever may post it), a PI futex (its owner). A
 * mechanism that blocks a caller for it passes it to
 * {@link SyscallContext#waitFor}; the kernel adds the edge "caller waits for
 * this resource" to its wait-for graph and removes it when the wait ends
 * (woken, signal, timeout, exit). The detector asks {@link #heldBy} only
 * while it looks for a cycle, so the answer may be computed then. Since 1.8.
 */
@ConsumerType
public interface WaitResource {
    /** A short name for reports and the trace: {@code pipe:[3] (data, from its writers)}. */
    String describe();

    /**
     * Whether {@code holder} can end a wait for this resource (it holds the
     * pipe's other end, owns the lock, is the awaited child). Called on the
     * simulation thread, only while the detector looks for a cycle; must not
     * block or change state.
     */
    boolean heldBy(WaitHolder holder);
}
