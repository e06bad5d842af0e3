package osbox.api.kernel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A system call, registered as a whiteboard service with the service
 * property {@value #NUMBER} (an Integer, the Linux riscv64 number),
 * {@value #NAME} and {@value #STATUS}. The kernel dispatches ecall to the
 * handler bound to a7's
 * number; while none is bound the call answers -ENOSYS (except for the
 * callers held through a swap: {@link #successorExpected}). Handlers run on the
 * simulation thread and must not block the host thread: to wait, call
 * {@link SyscallContext#sleepOn} and return {@link #RESTART}.
 */
@ConsumerType
@FunctionalInterface
public interface SyscallHandler {
    /** Service property: the syscall number (Integer). */
    String NUMBER = "osbox.syscall.number";
    /** Service property: the syscall name (String). */
    String NAME = "osbox.syscall.name";
    /**
     * Service property: how complete the handler is (String), for
     * docs/syscalls.md: {@code full}, {@code partial: what is missing} or
     * {@code enosys: why it answers ENOSYS on purpose}.
     */
    String STATUS = "osbox.syscall.status";

    /** Return value: the process went to sleep; run the call again when it is woken. */
    long RESTART = Long.MIN_VALUE;
    /** Return value: the process no longer runs this context (it exited or exec'd); write no a0. */
    long NO_RETURN = Long.MIN_VALUE + 1;

    /**
     * Performs the call. Returns the value for a0: a result, or a negative
     * errno ({@code -Errno.EFAULT}); or {@link #RESTART} or {@link #NO_RETURN}.
     * An exception thrown here is a bug in the handler: the kernel logs and
     * traces it and answers -ENOSYS; it never reaches the hart.
     */
    long invoke(SyscallContext context);

    /**
     * Asked by the kernel as this handler leaves (its service goes away):
     * true when a successor will serve the number soon (its bundle is being
     * updated, or stopped transiently, and keeps its state for the next
     * revision). The kernel then holds the callers of the number, fresh
     * calls and restarts alike, until a handler for it is bound again,
     * instead of answering -ENOSYS. A call that slept is always held so
     * (a restart completes a call already begun). Since 1.9.
     */
    default boolean successorExpected() {
        return false;
    }
}
